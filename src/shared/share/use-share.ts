import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { callAction } from '@/shared/cloud'
import { isSinglePageMode } from '@/shared/wx/share'
import { sharePath, shareQuery, type ShareTarget } from './share-path'

/**
 * The share hooks of shareable pages (the page config must set `enableShareAppMessage` / `enableShareTimeline`).
 * The sharer's invite code is fetched once per app run before anyone taps 转发, because `onShareAppMessage` must
 * answer at once. Sharing pays nothing and records nothing: there is no share-success callback to reward, and these
 * handlers never call the cloud.
 */

let code: Promise<string | null> | null = null

/** The member's invite code (`invites.myCode`), once per app run; a failed call is retried next time. */
export function loadInviteCode(): Promise<string | null> {
  if (!code) {
    code = callAction('invites', 'myCode').then((res) => {
      if (res.code === 0) return res.data.code
      code = null
      return null
    })
  }
  return code
}

/** Forget the cached code (between tests, or after switching identity in local mode). */
export function forgetInviteCode(): void {
  code = null
}

/**
 * The invite code for this page's share cards; null until known, and always in single-page mode (no login there).
 * `known`: the page has the code itself (the invite page), so nothing is fetched.
 */
export function useInviteCode(known = false): string | null {
  const [value, setValue] = useState<string | null>(null)
  useEffect(() => {
    if (known || isSinglePageMode()) return
    let alive = true
    void loadInviteCode().then((c) => {
      if (alive) setValue(c)
    })
    return () => {
      alive = false
    }
  }, [known])
  return value
}

export interface ShareCard {
  /** null while the page has nothing to share yet (still loading): the card then opens the home page. */
  target: ShareTarget | null
  title: string
  imageUrl?: string
  /** The sharer's code when the page has it itself (the invite page; null while it loads); otherwise fetched once per app run. */
  inviterCode?: string | null
}

/** What `onShareAppMessage` answers: the card's title, path (with `inviter`) and image. */
export function chatShare(card: ShareCard, inviterCode: string | null): Taro.ShareAppMessageReturnObject {
  const out: Taro.ShareAppMessageReturnObject = { title: card.title, path: sharePath(card.target ?? { page: 'home' }, inviterCode) }
  if (card.imageUrl) out.imageUrl = card.imageUrl
  return out
}

/** What `onShareTimeline` answers: Moments reopen this same page, so only its query (with `inviter`). */
export function timelineShare(card: ShareCard, inviterCode: string | null): Taro.ShareTimelineReturnObject {
  const out: Taro.ShareTimelineReturnObject = { title: card.title, query: card.target ? shareQuery(card.target, inviterCode) : '' }
  if (card.imageUrl) out.imageUrl = card.imageUrl
  return out
}

/** 转发给朋友 / 群聊. */
export function useChatShare(card: ShareCard): void {
  const fetched = useInviteCode(card.inviterCode !== undefined)
  const inviter = card.inviterCode !== undefined ? card.inviterCode : fetched
  Taro.useShareAppMessage(() => chatShare(card, inviter))
}

/** 转发 + 分享到朋友圈 (the page must render on its own in 单页模式, see SinglePageNotice). */
export function useChatAndTimelineShare(card: ShareCard): void {
  const inviter = useInviteCode()
  Taro.useShareAppMessage(() => chatShare(card, inviter))
  Taro.useShareTimeline(() => timelineShare(card, inviter))
}
