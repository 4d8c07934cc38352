import Button from '../button'
import Empty from '../empty'

export interface LoadErrorProps {
  /** The function's Chinese message (or a network error) to show. */
  message: string
  onRetry: () => void
}

/** A page (or list) that could not load: the reason and a 重试 button (`#retry`). Built from Empty and Button. */
export default function LoadError({ message, onRetry }: LoadErrorProps) {
  return (
    <Empty description={message} image='error'>
      <Button id='retry' type='primary' round onClick={onRetry}>
        重试
      </Button>
    </Empty>
  )
}
