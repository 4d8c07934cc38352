import { View } from '@tarojs/components'
import { useRouteParam } from '@/shared/route'
import type { CertificateView } from '@cloud/contracts/camp-results'
import { certificate } from '../../api'
import './index.scss'
import { useChatShare } from '@/shared/share/use-share'
import PageState, { useLoad } from '@/shared/ui/page-state'

/**
 * The completion certificate, rendered as a card (a screenshot saves it). Drawing it to a canvas for 保存到相册 is
 * left out on purpose: a Canvas component would add its templates to the main package's base.wxml.
 */
export default function CertificatePage() {
  const periodId = useRouteParam('periodId')
  const { load, reload } = useLoad(() => certificate(periodId), periodId)
  // The card shows the achievement and opens the camp, where the friend can join (a certificate is the member's own).
  useChatShare({
    target: load.status === 'ready' ? { page: 'camp', campId: load.data.campId } : null,
    title:
      load.status === 'ready'
        ? `我在「${load.data.campTitle}」坚持打卡 ${load.data.checkedDays} 天，顺利结营！`
        : '我完成了打卡营，顺利结营！',
  })
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(cert) => <CertificateCard cert={cert} />}
    </PageState>
  )
}

function CertificateCard({ cert }: { cert: CertificateView }) {
  return (
    <View className='cert'>
      <View id='certificate' className='cert__card'>
        <View className='cert__label'>结营证书</View>
        <View className='cert__camp'>{cert.campTitle}</View>
        <View className='cert__period'>
          第 {cert.periodIndex} 期 · {cert.startDay} 至 {cert.endDay}
        </View>
        <View id='cert-name' className='cert__name'>
          {cert.nickname}
        </View>
        <View className='cert__text'>
          在 {cert.lengthDays} 天的打卡中坚持打卡 {cert.checkedDays} 天，最长连续 {cert.bestStreak} 天，顺利结营，特发此证。
        </View>
        <View className='cert__foot'>
          <View>证书编号 {cert.no}</View>
          <View>{cert.issuedDay}</View>
        </View>
      </View>
      <View className='cert__hint'>截屏即可保存证书，或点右上角「···」转发给家人朋友</View>
    </View>
  )
}
