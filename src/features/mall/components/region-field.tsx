import { useState } from 'react'
import { ScrollView, View } from '@tarojs/components'
import { citiesOf, districtsOf, provinces, type RegionOption } from '../region-options'
import type { RegionFieldProps } from './region-field.types'
import './address-form.scss'
import './region-field.scss'

type Level = 0 | 1 | 2
const TABS = ['省份', '城市', '区县'] as const

/**
 * H5: a cascading picker in a bottom sheet (the vant Cascader pattern) over the official division list, so a member
 * picks 省 → 市 → 区 instead of typing them. A city without districts finishes at the city.
 */
export default function RegionField({ value, error, onChange }: RegionFieldProps) {
  const [open, setOpen] = useState(false)
  const [level, setLevel] = useState<Level>(0)
  const [path, setPath] = useState<RegionOption[]>([])
  const picked = [value.province, value.city, value.district].filter(Boolean)

  const options = level === 0 ? provinces() : level === 1 ? citiesOf(path[0].code) : districtsOf(path[1].code)
  const choose = (o: RegionOption) => {
    const next = [...path.slice(0, level), o]
    const more = level === 0 || (level === 1 && districtsOf(o.code).length > 0)
    if (more) {
      setPath(next)
      setLevel((level + 1) as Level)
      return
    }
    onChange({ province: next[0].name, city: next[1]?.name ?? '', district: next[2]?.name ?? '' })
    setOpen(false)
  }

  return (
    <View className={`address-form__row${error ? ' address-form__row--error' : ''}`}>
      <View className='address-form__label'>所在地区</View>
      <View
        role='button'
        id='address-region'
        className='address-form__body'
        onClick={() => {
          setPath([])
          setLevel(0)
          setOpen(true)
        }}
      >
        <View className={picked.length ? 'address-form__value' : 'address-form__placeholder'}>
          {picked.length ? picked.join(' ') : '请选择省 / 市 / 区'}
        </View>
        {error ? <View className='address-form__error'>{error}</View> : null}
      </View>
      {open ? (
        <View className='region-sheet'>
          <View aria-label='关闭地区选择' role='button' className='region-sheet__mask' onClick={() => setOpen(false)} />
          <View id='region-sheet' className='region-sheet__panel'>
            <View className='region-sheet__head'>
              <View className='region-sheet__title'>请选择所在地区</View>
              <View role='button' id='region-close' className='region-sheet__close' onClick={() => setOpen(false)}>
                关闭
              </View>
            </View>
            <View className='region-sheet__tabs'>
              {TABS.slice(0, level + 1).map((t, i) => (
                <View
                  role='button'
                  key={t}
                  className={`region-sheet__tab${i === level ? ' region-sheet__tab--active' : ''}`}
                  onClick={() => setLevel(i as Level)}
                >
                  {i < level ? path[i].name : t}
                </View>
              ))}
            </View>
            <ScrollView scrollY className='region-sheet__list'>
              {options.map((o) => (
                <View
                  role='button'
                  key={o.code}
                  id={`region-${o.code}`}
                  className={`region-sheet__option${path[level]?.code === o.code ? ' region-sheet__option--on' : ''}`}
                  onClick={() => choose(o)}
                >
                  {o.name}
                </View>
              ))}
            </ScrollView>
          </View>
        </View>
      ) : null}
    </View>
  )
}
