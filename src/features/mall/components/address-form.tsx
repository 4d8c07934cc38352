import { View } from '@tarojs/components'
import Field from '@/shared/ui/field'
import type { AddressDraft, AddressErrors } from '../address-check'
import RegionField from './region-field'
import './address-form.scss'

interface AddressFormProps {
  value: AddressDraft
  errors: AddressErrors
  onChange: (value: AddressDraft) => void
}

export default function AddressForm({ value, errors, onChange }: AddressFormProps) {
  const set = (patch: Partial<AddressDraft>) => onChange({ ...value, ...patch })
  return (
    <View className='address-form'>
      <View className='address-form__title'>收货地址</View>
      <Field
        id='address-name'
        label='收货人'
        required
        value={value.name}
        placeholder='姓名'
        maxlength={20}
        error={errors.name}
        onInput={(name) => set({ name })}
      />
      <Field
        id='address-phone'
        label='手机号'
        required
        type='number'
        value={value.phone}
        placeholder='11 位手机号'
        maxlength={20}
        error={errors.phone}
        onInput={(phone) => set({ phone })}
      />
      <RegionField
        value={{ province: value.province, city: value.city, district: value.district ?? '' }}
        error={errors.province ?? errors.city ?? errors.district}
        onChange={(region) => set(region)}
      />
      <Field
        id='address-detail'
        label='详细地址'
        required
        multiline
        value={value.detail}
        placeholder='街道、楼栋、门牌号'
        maxlength={120}
        error={errors.detail}
        onInput={(detail) => set({ detail })}
      />
    </View>
  )
}
