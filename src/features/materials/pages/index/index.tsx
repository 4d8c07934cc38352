import { useState } from 'react'
import { View } from '@tarojs/components'
import LoadMore from '@/shared/ui/load-more'
import { GRADE_CHOICES, SUBJECT_CHOICES } from '@/shared/options/grade-subject'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import type { Grade, Subject } from '@cloud/domain/identity'
import { listMaterials } from '../../api'
import FilterBar from '../../components/filter-bar'
import MaterialCard from '../../components/material-card'
import './index.scss'
import { navigateTo } from '@/shared/route'
import PageState from '@/shared/ui/page-state'

export default function MaterialsPage() {
  const [subject, setSubject] = useState<Subject | undefined>(undefined)
  const [grade, setGrade] = useState<Grade | undefined>(undefined)
  const list = usePagedList((cursor: string | undefined) => listMaterials({ subject, grade }, cursor), [subject, grade])

  useListPageEvents(list)

  const filtered = subject !== undefined || grade !== undefined
  return (
    <View className='materials'>
      <View className='materials__filters'>
        <FilterBar id='subject' options={SUBJECT_CHOICES} value={subject} onChange={setSubject} />
        <FilterBar id='grade' options={GRADE_CHOICES} value={grade} onChange={setGrade} />
      </View>
      <PageState
        load={list.load}
        onRetry={() => void list.reload()}
        empty={filtered ? '该年级 / 学科暂时没有资料，换个筛选看看' : '资料库还没有资料，敬请期待'}
        emptyImage={filtered ? 'search' : 'default'}
      >
        {(items) => (
          <View className='materials__list'>
            {items.map((m) => (
              <MaterialCard key={m.id} material={m} onClick={() => void navigateTo('materials/detail', { materialId: m.id })} />
            ))}
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
        )}
      </PageState>
    </View>
  )
}
