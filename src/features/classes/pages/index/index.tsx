import { useState } from 'react'
import { View } from '@tarojs/components'
import type { Grade, Subject } from '@cloud/domain/identity'
import LoadMore from '@/shared/ui/load-more'
import { GRADE_CHOICES, SUBJECT_CHOICES } from '@/shared/options/grade-subject'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { listClasses } from '../../api'
import ClassCard from '../../components/class-card'
import FilterPicker from '../../components/filter-picker'
import '../../classes.scss'
import { navigateTo } from '@/shared/route'
import PageState from '@/shared/ui/page-state'

export default function ClassListPage() {
  const [subject, setSubject] = useState<Subject | undefined>()
  const [grade, setGrade] = useState<Grade | undefined>()
  const list = usePagedList((cursor?: string) => listClasses({ subject, grade }, cursor), [subject, grade])

  useListPageEvents(list)

  return (
    <View className='classes'>
      <View className='classes__bar'>
        <FilterPicker id='filter-subject' label='全部科目' options={SUBJECT_CHOICES} value={subject} onChange={setSubject} />
        <FilterPicker id='filter-grade' label='全部年级' options={GRADE_CHOICES} value={grade} onChange={setGrade} />
        <View role='button' id='classes-mine' className='classes__link' onClick={() => void navigateTo('classes/mine')}>
          我的免费课 ›
        </View>
      </View>
      <PageState
        load={list.load}
        onRetry={() => void list.reload()}
        empty={subject || grade ? '没有符合条件的免费课，换个筛选试试' : '暂时没有开放报名的免费课，敬请期待'}
        emptyImage={subject || grade ? 'search' : 'default'}
      >
        {(classes) => (
          <View>
            {classes.map((c) => (
              <ClassCard key={c.id} cls={c} onClick={() => void navigateTo('classes/detail', { classId: c.id })} />
            ))}
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
        )}
      </PageState>
    </View>
  )
}
