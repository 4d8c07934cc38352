import { useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import type { Envelope } from '@/shared/cloud/types'
import { addPhrase, listPhrases, removePhrase, reorderPhrases, type PhrasesView } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import { movedPhrase } from '../../phrase-order'
import { charCount } from '../../review-form'
import './index.scss'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

const MAX_PHRASE = 100

function Phrases() {
  const { load, reload, update } = useLoad(listPhrases, '')
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)

  /** Every change answers the whole list as saved; the page shows exactly that. */
  const change = async (run: () => Promise<Envelope<PhrasesView>>, done?: string) => {
    if (busy) return false
    setBusy(true)
    const res = await run()
    setBusy(false)
    if (res.code !== 0) {
      toast(res.message)
      return false
    }
    update(() => res.data)
    if (done) toastSuccess(done)
    return true
  }

  const add = async () => {
    const text = draft.trim()
    if (!text) return void toast('请填写常用语')
    if (charCount(text) > MAX_PHRASE) return void toast(`常用语不能超过 ${MAX_PHRASE} 字`)
    if (await change(() => addPhrase(text), '已添加')) setDraft('')
  }

  const remove = async (text: string) => {
    const confirmed = await confirm({
      title: '删除常用语',
      content: `确定删除「${text}」吗？`,
      confirmText: '删除',
      cancelText: '取消',
    })
    if (confirmed) await change(() => removePhrase(text), '已删除')
  }

  const ready = ({ phrases }: PhrasesView) => (
    <View className='rv-phrases'>
      <View className='rv-phrases__add'>
        <Textarea
          id='phrase-input'
          className='rv-phrases__input'
          value={draft}
          maxlength={MAX_PHRASE}
          placeholder='例如：书写工整，继续保持！'
          onInput={(e) => setDraft(e.detail.value)}
        />
        <Button id='phrase-add' type='primary' size='small' round loading={busy} loadingText='保存中' onClick={() => void add()}>
          添加
        </Button>
      </View>
      {phrases.length === 0 ? (
        <Empty description='还没有常用语，添加后点评时一点即可插入' />
      ) : (
        phrases.map((p, i) => (
          <View key={p} id={`phrase-row-${i}`} className='rv-phrases__row'>
            <View className='rv-phrases__text'>{p}</View>
            <View className='rv-phrases__ops'>
              {i > 0 ? (
                <View
                  role='button'
                  id={`phrase-up-${i}`}
                  className='rv-phrases__op'
                  onClick={() => void change(() => reorderPhrases(movedPhrase(phrases, i, -1)))}
                >
                  上移
                </View>
              ) : null}
              {i < phrases.length - 1 ? (
                <View
                  role='button'
                  id={`phrase-down-${i}`}
                  className='rv-phrases__op'
                  onClick={() => void change(() => reorderPhrases(movedPhrase(phrases, i, 1)))}
                >
                  下移
                </View>
              ) : null}
              <View
                role='button'
                id={`phrase-remove-${i}`}
                className='rv-phrases__op rv-phrases__op--danger'
                onClick={() => void remove(p)}
              >
                删除
              </View>
            </View>
          </View>
        ))
      )}
    </View>
  )
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {ready}
    </PageState>
  )
}

export default function PhrasesPage() {
  return (
    <RoleGate role='staff' refusal='仅带班老师可以使用点评工作台'>
      {() => <Phrases />}
    </RoleGate>
  )
}
