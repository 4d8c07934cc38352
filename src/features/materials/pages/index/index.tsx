import { useState } from 'react'
import { View } from '@tarojs/components'
import Empty from '@/shared/ui/empty'
import LoadMore from '@/shared/ui/load-more'
import { GRADE_CHOICES, SUBJECT_CHOICES } from '@/shared/options/grade-subject'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import type { Grade, Subject } from '@cloud/domain/identity'
import { listMaterials } from '../../api'
import FilterBar from '../../components/filter-bar'
import MaterialCard from '../../components/material-card'
import './index.scss'
import LoadError from '@/shared/ui/load-error'
import { navigateTo } from '@/shared/route'
import { Loading } from '@/shared/ui/page-state'

export default function MaterialsPage() {
  const [subject, setSubject] = useState<Subject | undefined>(undefined)
  const [grade, setGrade] = useState<Grade | undefined>(undefined)
  const list = usePagedList((cursor: string | undefined) => listMaterials({ subject, grade }, cursor), [subject, grade])

  useListPageEvents(list)

  const filtered = subject !== undefined || grade !== undefined
  let body: React.ReactNode
  if (list.status === 'loading') body = <Loading />
  else if (list.status === 'error') {
    body = <LoadError message={list.error} onRetry={() => void list.reload()} />
  } else if (list.items.length === 0) {
    body = (
      <Empty
        image={filtered ? 'search' : 'default'}
        description={filtered ? '该年级 / 学科暂时没有资料，换个筛选看看' : '资料库还没有资料，敬请期待'}
      />
    )
  } else {
    body = (
      <View className='materials__list'>
        {list.items.map((m) => (
          <MaterialCard key={m.id} material={m} onClick={() => void navigateTo('materials/detail', { materialId: m.id })} />
        ))}
        <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
      </View>
    )
  }
  return (
    <View className='materials'>
      <View className='materials__filters'>
        <FilterBar id='subject' options={SUBJECT_CHOICES} value={subject} onChange={setSubject} />
        <FilterBar id='grade' options={GRADE_CHOICES} value={grade} onChange={setGrade} />
      </View>
      {body}
    </View>
  )
}
