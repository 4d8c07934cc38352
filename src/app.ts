import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from '@/shared/cloud'
import { identifyIfFromPoster } from '@/shared/session'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    identifyIfFromPoster()
  })
  return children
}

export default App
