export interface TabItem<K extends string = string> {
  key: K
  title: string
}

export interface TabsProps<K extends string = string> {
  /** Prefix for each tab's id: `${id}-${key}`. */
  id?: string
  tabs: readonly TabItem<K>[]
  active: K
  onChange: (key: K) => void
}
