import { View } from '@tarojs/components'
import './form-section.scss'

/** A titled block of the material form with its error under it. */
export default function Section({ title, error, children }: { title: string; error?: string; children: React.ReactNode }) {
  return (
    <View className='material-form__section'>
      <View className='material-form__label'>{title}</View>
      {children}
      {error ? <View className='material-form__error'>{error}</View> : null}
    </View>
  )
}
