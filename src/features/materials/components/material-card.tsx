import { Image, View } from '@tarojs/components'
import { fileSrc } from '@/shared/cloud'
import type { MaterialCard as Card } from '@cloud/contracts/materials'
import './material-card.scss'

/** A catalog row: cover (or the subject), title, grades and how it unlocks. */
export default function MaterialCard({ material, onClick }: { material: Card; onClick: () => void }) {
  return (
    <View role='button' id={`material-${material.id}`} className='material-card' onClick={onClick}>
      {material.cover ? (
        <Image className='material-card__cover' src={fileSrc(material.cover)} mode='aspectFill' lazyLoad />
      ) : (
        <View className='material-card__cover material-card__cover--empty'>{material.subjectLabel}</View>
      )}
      <View className='material-card__body'>
        <View className='material-card__title'>{material.title}</View>
        <View className='material-card__meta'>
          {material.subjectLabel} · {material.gradeLabels.join(' / ')} · {material.fileCount} 个文件
        </View>
        <View className={`material-card__rule material-card__rule--${material.rule.kind}`}>{material.ruleTag}</View>
      </View>
    </View>
  )
}
