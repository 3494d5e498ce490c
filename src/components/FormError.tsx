/** A form's error sentence, announced by screen readers as it appears; nothing when there is none. */
export function FormError({ message, id }: { message?: null | string; id?: string }) {
  if (!message) return null
  return (
    <p id={id} role="alert" className="form-error">
      {message}
    </p>
  )
}
