import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Button from '@/shared/ui/button'
import Cell from '@/shared/ui/cell'
import { openedFromGroupId, setOpenedFromGroup } from '@/shared/wx'
import { advanceClock, deliverMediaChecks, loadPanel, runTimerJob, type PanelView } from '../../api'
import './index.scss'
import { toast } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

const HOUR = 60 * 60 * 1000

function formatShanghai(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 16)
}

/** '1' is the persona's first group, which in the demo is the seeded camp group. */
const groupName = (groups: PanelView['groups'], id: string) =>
  (id === '1' ? groups[0]?.name : groups.find((g) => g.id === id)?.name) ?? '打卡群'

export default function PanelPage() {
  const [fromGroup, setFromGroup] = useState(openedFromGroupId())
  const { load, reload } = useLoad(
    () =>
      loadPanel().then(
        (data) => ({ code: 0 as const, data }),
        () => ({ code: 'DEV.OFFLINE', message: '无法连接本地模拟器，请确认 npm start 正在运行' }),
      ),
    '',
  )

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn()
      toast(done)
    } catch {
      toast('操作失败')
    }
    await reload()
  }

  const ready = (panel: PanelView) => (
    <View className='panel'>
      <View className='panel__section'>时钟（北京时间）</View>
      <Cell id='panel-now' title={formatShanghai(panel.clock.now)} value={`业务日 ${panel.clock.businessDay}`} />
      <View className='panel__row'>
        <Button id='advance-hour' size='small' onClick={() => act(() => advanceClock(HOUR), '已前进 1 小时')}>
          +1 小时
        </Button>
        <Button id='advance-day' size='small' type='primary' onClick={() => act(() => advanceClock(24 * HOUR), '已前进 1 天')}>
          +1 天
        </Button>
      </View>

      <View className='panel__section'>打开方式</View>
      <Cell
        id='toggle-from-group'
        title={fromGroup ? `当前：从「${groupName(panel.groups, fromGroup)}」打开` : '当前：直接打开'}
        label='从绑定的微信群打开时，打卡可获得群聊积分加倍；运营在群里打开期次卡片可「绑定此群」（本地模拟群聊进入信息）'
        value='切换'
        onClick={() => {
          const next = fromGroup ? null : '1'
          setOpenedFromGroup(next ?? false)
          setFromGroup(next)
        }}
      />
      {panel.groups.map((g) => (
        <Cell
          key={g.id}
          id={`from-group-${g.id}`}
          title={`从「${g.name}」打开`}
          value={fromGroup === g.id ? '当前' : '选择'}
          onClick={() => {
            setOpenedFromGroup(g.id)
            setFromGroup(g.id)
          }}
        />
      ))}

      <View className='panel__section'>内容安全（异步审核待回调 {panel.pendingMediaChecks} 条）</View>
      <View className='panel__row'>
        <Button
          id='deliver-media'
          size='small'
          disabled={panel.pendingMediaChecks === 0}
          onClick={() => act(deliverMediaChecks, '已回调审核结果')}
        >
          立即回调审核结果
        </Button>
      </View>

      <View className='panel__section'>定时任务（每个云函数一个触发器）</View>
      {panel.functions.flatMap((f) =>
        f.jobs.map((j) => (
          <Cell
            key={`${f.name}.${j.name}`}
            title={`${f.name} · ${j.name}`}
            label={j.schedule}
            value='立即运行'
            onClick={() => act(() => runTimerJob(f.name, j.name), '已运行')}
          />
        )),
      )}
      {panel.functions.every((f) => f.jobs.length === 0) ? <Cell title='暂无定时任务' /> : null}

      <View className='panel__section'>订阅消息发件箱（{panel.outbox.length}）</View>
      {panel.outbox.length === 0 ? <Cell title='还没有发送过订阅消息' /> : null}
      {panel.outbox
        .slice()
        .reverse()
        .map((m, i) => (
          <Cell
            key={i}
            title={`${m.touser} · ${m.templateId}`}
            label={Object.values(m.data)
              .map((v) => v.value)
              .join(' / ')}
            value={formatShanghai(m.sentAt)}
          />
        ))}
      <Text className='panel__hint'>此页面仅在本地模式（npm start）存在，小程序构建不包含。</Text>
    </View>
  )
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {ready}
    </PageState>
  )
}
