import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from '@/shared/cloud'
import { claimWarmInvite, identifyIfFromPoster } from '@/shared/session'
import { onAppShowQuery } from '@/shared/wx/share'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    identifyIfFromPoster()
    onAppShowQuery((query) => void claimWarmInvite(query))
  })
  return children
}

export default App
