import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import type { HelloResult } from '@cloud/contracts/sample'
import { sayHello } from '../../api'
import './index.scss'

type State = { status: 'loading' } | { status: 'ok'; data: HelloResult } | { status: 'error'; message: string }

export default function SamplePage() {
  const [state, setState] = useState<State>({ status: 'loading' })

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    const res = await sayHello()
    if (res.code === 0) setState({ status: 'ok', data: res.data })
    else setState({ status: 'error', message: res.message })
    Taro.stopPullDownRefresh()
  }, [])

  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => void load())

  if (state.status === 'error') {
    return (
      <Empty description={state.message}>
        <Button id='retry' type='primary' round onClick={load}>
          重试
        </Button>
      </Empty>
    )
  }
  return (
    <View className='sample'>
      {state.status === 'loading' ? (
        <View className='sample__loading'>加载中…</View>
      ) : (
        <View className='sample__card'>
          <Text id='sample-openid' className='sample__row'>
            身份：{state.data.openid}
          </Text>
          <Text id='sample-day' className='sample__row'>
            业务日：{state.data.businessDay}
          </Text>
          <Text id='sample-visits' className='sample__row'>
            第 {state.data.visits} 次访问
          </Text>
        </View>
      )}
      <View className='sample__actions'>
        <Button id='again' type='primary' block loading={state.status === 'loading'} loadingText='请求中' onClick={load}>
          再来一次
        </Button>
      </View>
    </View>
  )
}
