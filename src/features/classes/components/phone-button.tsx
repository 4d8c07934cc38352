import Button from '@/shared/ui/button'
import { phoneNumberCloudId } from '@/shared/wx'
import type { PhoneButtonProps } from './phone-button.types'

/** Local mode (H5): the emulator issues the phone-number CloudID of the current persona on tap. */
export default function PhoneButton({ id, disabled, loading, onPhone, children }: PhoneButtonProps) {
  return (
    <Button
      id={id}
      type='primary'
      block
      round
      disabled={disabled}
      loading={loading}
      onClick={() => void phoneNumberCloudId().then(onPhone)}
    >
      {children}
    </Button>
  )
}
