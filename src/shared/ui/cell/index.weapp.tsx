import type { CellProps } from './types'

export default function Cell({ id, title, value, label, isLink, onClick }: CellProps) {
  return <van-cell id={id} title={title} value={value} label={label} isLink={isLink} clickable={!!onClick} onClick={onClick} />
}
