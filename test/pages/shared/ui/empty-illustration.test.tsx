import { render } from '@testing-library/react'
import Empty from '@/shared/ui/empty'
import LoadError from '@/shared/ui/load-error'

describe('Empty (H5) illustration', () => {
  it('should draw the default illustration, not a bare circle', () => {
    const { container } = render(<Empty description='还没有记录' />)
    expect(container.querySelector('.ui-empty__image')?.className).toContain('ui-empty__image--default')
  })

  it('should draw the search and error kinds, and LoadError uses the error one', () => {
    const search = render(<Empty image='search' description='没有找到' />)
    expect(search.container.querySelector('.ui-empty__image--search')).not.toBeNull()
    const failed = render(<LoadError message='网络开小差了' onRetry={() => undefined} />)
    expect(failed.container.querySelector('.ui-empty__image--error')).not.toBeNull()
  })
})
