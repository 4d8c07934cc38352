import * as fs from 'fs'
import * as path from 'path'
import { assertWeappBuilt, WEAPP_DIST } from '../../support/simulate-built-page'

/*
 * The vant tests (test/ui/vant) render vant through host fixtures that bind attributes the way Taro's
 * base.wxml does. These checks keep the two in step: when a weapp wrapper passes a new prop, Taro emits a
 * new attribute and the fixture (and a vant test for it) must follow.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures/vant-host')

/** Attribute names on the first `<tag …>` in `wxml`, without the ones that only identify the node. */
function attributeNames(wxml: string, tag: string): string[] {
  const open = new RegExp(`<${tag}\\s([^>]*)>`).exec(wxml)
  if (!open) throw new Error(`no <${tag}> found`)
  const names = [...open[1].matchAll(/([\w:-]+)="/g)].map((match) => match[1])
  return names.filter((name) => name !== 'id' && name !== 'data-sid').sort()
}

function taroTemplate(tag: string): string {
  const baseWxml = fs.readFileSync(path.join(WEAPP_DIST, 'base.wxml'), 'utf8')
  const start = baseWxml.indexOf(`<template name="tmpl_0_${tag}">`)
  if (start < 0) throw new Error(`base.wxml has no template for ${tag}`)
  return baseWxml.slice(start, baseWxml.indexOf('</template>', start))
}

describe('Taro base.wxml and the vant host fixtures', () => {
  beforeAll(assertWeappBuilt)

  it.each(['button', 'cell', 'empty'])('should bind the same van-%s attributes as Taro emits', (name) => {
    const fixture = fs.readFileSync(path.join(FIXTURES, name, 'index.wxml'), 'utf8')

    expect(attributeNames(fixture, `van-${name}`)).toEqual(attributeNames(taroTemplate(`van-${name}`), `van-${name}`))
  })
})
