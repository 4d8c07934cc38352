import { useRef, useState } from 'react'
import { Image, View } from '@tarojs/components'
import { fileSrc } from '@/shared/cloud'
import { useRouteParam } from '@/shared/route'
import type { MaterialDetail } from '@cloud/contracts/materials'
import { getMaterial, openMaterial, unlockMaterial } from '../../api'
import { confirmUnlock } from '../../confirm-unlock'
import { showFile } from '../../open-file'
import FileList from '../../components/file-list'
import UnlockPanel from '../../components/unlock-panel'
import './index.scss'
import SinglePageNotice from '@/shared/ui/single-page-notice'
import { useChatAndTimelineShare } from '@/shared/share/use-share'
import { isSinglePageMode } from '@/shared/wx/share'
import { toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

function MaterialDetailView() {
  const materialId = useRouteParam('materialId')
  const { load, reload, update } = useLoad(() => getMaterial(materialId), materialId)
  useChatAndTimelineShare({
    target: load.status === 'ready' ? { page: 'material', materialId } : null,
    title: load.status === 'ready' ? `学习资料「${load.data.title}」` : '免费学习资料',
  })
  const [unlocking, setUnlocking] = useState(false)
  const [opening, setOpening] = useState<number | null>(null)
  const busy = useRef(false)

  const unlock = async (material: MaterialDetail) => {
    if (busy.current) return
    busy.current = true
    try {
      if (!(await confirmUnlock(material))) return
      setUnlocking(true)
      const res = await unlockMaterial(material.id)
      if (res.code !== 0) return void toast(res.message)
      update(() => res.data)
      toastSuccess('解锁成功')
    } finally {
      busy.current = false
      setUnlocking(false)
    }
  }

  const open = async (index: number) => {
    if (busy.current) return
    busy.current = true
    setOpening(index)
    try {
      const res = await openMaterial(materialId, index)
      if (res.code !== 0) return void toast(res.message)
      await showFile(res.data).catch(() => toast('文件打开失败，请稍后重试'))
    } finally {
      busy.current = false
      setOpening(null)
    }
  }

  const ready = (material: MaterialDetail) => (
    <View className='material'>
      {material.cover ? <Image className='material__cover' src={fileSrc(material.cover)} mode='aspectFill' /> : null}
      <View className='material__head'>
        <View id='material-title' className='material__title'>
          {material.title}
        </View>
        <View className='material__meta'>
          {material.subjectLabel} · {material.gradeLabels.join(' / ')}
        </View>
        {material.description ? (
          <View id='material-description' className='material__desc'>
            {material.description}
          </View>
        ) : null}
      </View>
      <UnlockPanel material={material} busy={unlocking} onUnlock={() => void unlock(material)} />
      <View className='material__section'>文件（{material.files.length}）</View>
      <FileList files={material.files} unlocked={material.unlocked} opening={opening} onOpen={(i) => void open(i)} />
    </View>
  )
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {ready}
    </PageState>
  )
}

/** In Moments' 单页模式 nothing can be called: a static landing instead. */
export default function MaterialDetailPage() {
  return isSinglePageMode() ? <SinglePageNotice kind='material' /> : <MaterialDetailView />
}
