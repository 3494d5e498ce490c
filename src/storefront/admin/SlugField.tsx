'use client'

import type { TextFieldClientComponent } from 'payload'

import { TextInput, useDocumentInfo, useField, useFormFields } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

import { slugFromTitle } from '../utilities/slugFromTitle'

/**
 * The slug, filled in from the title while a new product is written, until the editor types a
 * slug of their own. An existing product keeps its slug (links to the page use it) unless edited.
 */
export const SlugField: TextFieldClientComponent = ({ field, path, readOnly }) => {
  const fieldPath = path ?? field.name
  const { value, setValue, showError } = useField<string>({ path: fieldPath })
  const title = useFormFields(([fields]) => fields.title?.value)
  const { id } = useDocumentInfo()
  const followsTitle = useRef(!id && !value)

  useEffect(() => {
    if (!followsTitle.current || typeof title !== 'string') return
    const generated = slugFromTitle(title)
    if (generated !== value) setValue(generated)
  }, [title, value, setValue])

  return (
    <TextInput
      path={fieldPath}
      label={typeof field.label === 'string' ? field.label : 'Slug'}
      required={field.required}
      readOnly={readOnly}
      showError={showError}
      description={field.admin?.description as string | undefined}
      value={value ?? ''}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
        followsTitle.current = event.target.value === ''
        setValue(event.target.value)
      }}
    />
  )
}
