export interface Region {
  province: string
  city: string
  district: string
}

export interface RegionFieldProps {
  value: Region
  error?: string
  onChange: (value: Region) => void
}
