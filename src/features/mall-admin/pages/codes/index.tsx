import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import { addCodes } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import { MAX_CODES_PER_IMPORT, parseCodes } from '../../codes-input'
import './index.scss'

const POOL = /^[A-Za-z0-9_.-]{1,64}$/

function CodesForm() {
  const [poolId, setPoolId] = useState('')
  const [text, setText] = useState('')
  const [saving, setSaving] = useState(false)
  const [poolError, setPoolError] = useState('')
  const parsed = parseCodes(text)

  const submit = async () => {
    if (saving) return
    if (!POOL.test(poolId.trim())) {
      setPoolError('请填写兑换码池编号（字母、数字、_ . -）')
      return
    }
    setPoolError('')
    if (parsed.invalid.length)
      return void Taro.showToast({ title: `有 ${parsed.invalid.length} 行格式不正确，请修改后再导入`, icon: 'none' })
    if (parsed.codes.length === 0) return void Taro.showToast({ title: '请粘贴兑换码，每行一个', icon: 'none' })
    if (parsed.codes.length > MAX_CODES_PER_IMPORT) {
      return void Taro.showToast({ title: `一次最多导入 ${MAX_CODES_PER_IMPORT} 个兑换码`, icon: 'none' })
    }
    setSaving(true)
    const res = await addCodes(poolId.trim(), parsed.codes)
    setSaving(false)
    if (res.code !== 0) return void Taro.showToast({ title: res.message, icon: 'none' })
    const { added, duplicates, stock } = res.data
    const repeated = duplicates.length ? `，${duplicates.length} 个重复未导入（如 ${duplicates[0]}）` : ''
    void Taro.showToast({
      title: added === 0 && duplicates.length ? `没有导入新码${repeated}` : `已导入 ${added} 个${repeated}，当前库存 ${stock}`,
      icon: 'none',
    })
    setText('')
  }

  return (
    <View className='codes'>
      <Field
        id='pool-id'
        label='兑换码池'
        required
        value={poolId}
        placeholder='与商品设置的编号一致'
        error={poolError}
        onInput={setPoolId}
      />
      <Field
        id='codes-text'
        label='兑换码'
        required
        multiline
        maxlength={-1}
        value={text}
        placeholder='每行一个兑换码（4-64 位字母、数字或 -）'
        onInput={setText}
      />
      <View id='codes-summary' className='codes__summary'>
        共 {parsed.codes.length} 个有效兑换码
        {parsed.repeated ? `，${parsed.repeated} 个重复已去除` : ''}
        {parsed.invalid.length ? `，${parsed.invalid.length} 行格式不正确：${parsed.invalid.slice(0, 3).join('、')}` : ''}
      </View>
      <View className='codes__actions'>
        <Button id='import-codes' type='primary' round block loading={saving} loadingText='导入中' onClick={() => void submit()}>
          导入
        </Button>
      </View>
    </View>
  )
}

export default function CodesPage() {
  return (
    <RoleGate role='admin'>
      <CodesForm />
    </RoleGate>
  )
}
