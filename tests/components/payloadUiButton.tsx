/**
 * Payload's admin Button as the component tests mock `@payloadcms/ui`: a plain button, so a test
 * sees the label, clicks it, and reads whether it is disabled.
 */
export function Button({
  children,
  disabled,
  onClick,
}: {
  children: unknown
  disabled?: boolean
  onClick?: () => void
}) {
  return (
    <button disabled={disabled} onClick={onClick}>
      {children as string}
    </button>
  )
}
