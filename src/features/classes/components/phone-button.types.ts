export interface PhoneButtonProps {
  id?: string
  disabled?: boolean
  loading?: boolean
  /** The phone-number CloudID the member granted, or null when they refused. */
  onPhone: (cloudID: string | null) => void
  children?: React.ReactNode
}
