import { Input, Textarea, View } from '@tarojs/components'
import type { FieldProps } from './types'
import './index.scss'

/** A labelled form row styled like van-field, built on the platform's own input so both builds share it. */
export default function Field(props: FieldProps) {
  const { id, label, value, placeholder, type = 'text', multiline, maxlength = 140, required, disabled, error, hint, onInput } = props
  return (
    <View className={`ui-field${error ? ' ui-field--error' : ''}${multiline ? ' ui-field--multiline' : ''}`}>
      <View className='ui-field__label'>
        {required ? <View className='ui-field__required'>*</View> : null}
        {label}
      </View>
      <View className='ui-field__body'>
        {multiline ? (
          <Textarea
            id={id}
            className='ui-field__textarea'
            value={value}
            placeholder={placeholder}
            maxlength={maxlength}
            disabled={disabled}
            autoHeight
            onInput={(e) => onInput(e.detail.value)}
          />
        ) : (
          <Input
            id={id}
            className='ui-field__input'
            type={type}
            value={value}
            placeholder={placeholder}
            maxlength={maxlength}
            disabled={disabled}
            onInput={(e) => onInput(e.detail.value)}
          />
        )}
        {error ? <View className='ui-field__error'>{error}</View> : hint ? <View className='ui-field__hint'>{hint}</View> : null}
      </View>
    </View>
  )
}
