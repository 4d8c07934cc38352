import { Button } from '@tarojs/components'
import { phoneNumberCloudId } from '@/shared/wx'
import type { PhoneButtonProps } from './phone-button.types'

/**
 * WeChat's phone-number button: the only way to get a member's number. Its event carries a CloudID that the
 * `classes` function resolves; WeChat shows its privacy authorization first when the app declares it.
 */
export default function PhoneButton({ id, disabled, loading, onPhone, children }: PhoneButtonProps) {
  return (
    <Button
      id={id}
      className='classes-phone-button'
      type='primary'
      disabled={disabled}
      loading={loading}
      openType='getPhoneNumber'
      onGetPhoneNumber={(e) => void phoneNumberCloudId(e.detail as { cloudID?: string }).then(onPhone)}
    >
      {children}
    </Button>
  )
}
