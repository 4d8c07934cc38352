import { View } from '@tarojs/components'
import './index.scss'

/**
 * What a shareable page shows in Moments' 单页模式 (scene 1154): no login state, no function calls, no navigation,
 * so a static landing that says what the card is and where the full page is — WeChat's own bottom bar
 * 「前往小程序」 opens this same page in the mini program.
 */
export type SinglePageKind = 'camp' | 'material' | 'class'

const TEXT: Readonly<Record<SinglePageKind, { title: string; lines: string[] }>> = {
  camp: { title: '21 天打卡营', lines: ['每天一个小任务，老师逐条点评', '坚持打卡赚积分，兑换学习好礼', '完成打卡领取结营证书'] },
  material: { title: '免费学习资料', lines: ['按年级、学科整理的练习与讲义', '在小程序内直接打开 PDF、图片和音频'] },
  class: { title: '免费体验课', lines: ['名师直播体验课，名额有限', '报名即可预约一对一学习诊断'] },
}

export default function SinglePageNotice({ kind }: { kind: SinglePageKind }) {
  const text = TEXT[kind]
  return (
    <View id='single-page-notice' className='single-page'>
      <View className='single-page__title'>{text.title}</View>
      {text.lines.map((line) => (
        <View key={line} className='single-page__line'>
          {line}
        </View>
      ))}
      <View className='single-page__hint'>点击屏幕下方「前往小程序」查看详情并报名</View>
    </View>
  )
}
