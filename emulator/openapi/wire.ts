import * as protobuf from 'protobufjs'
import { CloudError } from '../core/errors'
import { RawReply } from '../core/router'

/**
 * The protobuf messages wx-server-sdk 4.0.2 exchanges for `wx.openApi` (its bundled src/protobuf/openapi.js),
 * rebuilt here from the same field numbers. A request is a `CommApiData`; every answer is a `CommOpenApiResp`
 * whose `respData` holds the WeChat body (JSON, or raw bytes such as a PNG) and whose `errorCode` carries
 * cloud-side failures such as a missing permission.
 */
const SCHEMA = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message SvrkitApiData { string apiName = 1; bytes reqData = 2; }
message CommApiData {
  enum ApiType { OPEN_API = 0; INNER_API = 1; SVRKIT_API = 2; TOKEN_API = 3; }
  ApiType apiType = 1;
  OpenApiData openapiData = 2;
  SvrkitApiData svrkitData = 4;
  string appid = 6;
}
message HttpHeader { string key = 1; string value = 2; }
message CommOpenApiResp {
  bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4;
  repeated HttpHeader headers = 5; int32 svrkitErrorCode = 6;
}
message ApiGetOpenDataByCloudIdReq { repeated string cloudidList = 2; string appid = 3; }
message ApiGetOpenDataByCloudIdResp {
  message OpDataItem { string cloudId = 1; string json = 2; }
  repeated OpDataItem dataList = 1;
}
`

const root = protobuf.parse(SCHEMA, { keepCase: true }).root
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')
const GetOpenDataReq = root.lookupType('ApiGetOpenDataByCloudIdReq')
const GetOpenDataResp = root.lookupType('ApiGetOpenDataByCloudIdResp')

const API_TYPE_OPEN = 0
const API_TYPE_SVRKIT = 2

/** A media parameter (e.g. `imgSecCheck`'s `media`) arrives as bytes with a content type. */
export interface MediaParam {
  contentType: string
  fileName: string
  value: Buffer
}

export type OpenApiParams = Record<string, unknown>

export type DecodedCall =
  | { kind: 'openapi'; params: OpenApiParams; appid: string }
  | { kind: 'svrkit'; apiName: string; reqData: Buffer; appid: string }
  | { kind: 'unsupported'; apiType: number }

interface RawPair {
  key?: string
  value?: Uint8Array
  contenttype?: string
  filename?: string
}

function parsePairValue(pair: RawPair): unknown {
  const bytes = Buffer.from(pair.value ?? [])
  if (pair.contenttype) return { contentType: pair.contenttype, fileName: pair.filename ?? '', value: bytes } satisfies MediaParam
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new CloudError('INVALID_PARAM', `open API parameter ${pair.key ?? ''} is not valid JSON`)
  }
}

/** Decodes the SDK's `requestData` part; malformed bytes become a CloudBase INVALID_PARAM error. */
export function decodeCall(requestData: unknown): DecodedCall {
  if (!Buffer.isBuffer(requestData)) throw new CloudError('INVALID_PARAM', 'requestData must be a protobuf part')
  let message: Record<string, unknown>
  try {
    message = CommApiData.toObject(CommApiData.decode(requestData), { defaults: true, bytes: Buffer }) as Record<string, unknown>
  } catch (err) {
    throw new CloudError('INVALID_PARAM', `requestData is not a valid CommApiData message: ${(err as Error).message}`)
  }
  const appid = String(message.appid ?? '')
  const apiType = Number(message.apiType)
  if (apiType === API_TYPE_OPEN) {
    const pairs = ((message.openapiData as { pairs?: RawPair[] } | null)?.pairs ?? []) as RawPair[]
    const params: OpenApiParams = {}
    for (const pair of pairs) if (pair.key) params[pair.key] = parsePairValue(pair)
    return { kind: 'openapi', params, appid }
  }
  if (apiType === API_TYPE_SVRKIT) {
    const svrkit = (message.svrkitData ?? {}) as { apiName?: string; reqData?: Uint8Array }
    return { kind: 'svrkit', apiName: svrkit.apiName ?? '', reqData: Buffer.from(svrkit.reqData ?? []), appid }
  }
  return { kind: 'unsupported', apiType }
}

// Not 'application/json; charset=utf-8': the node SDK JSON-parses bodies with exactly that type.
const PROTOBUF_TYPE = 'application/octet-stream'

function reply(fields: Record<string, unknown>): RawReply {
  const bytes = CommOpenApiResp.encode(CommOpenApiResp.fromObject({ httpCode: 200, ...fields })).finish()
  return new RawReply(Buffer.from(bytes), PROTOBUF_TYPE)
}

/** A WeChat JSON answer; `errcode` ≠ 0 in it makes the SDK throw `{ errCode: errcode }`. */
export function jsonReply(body: object): RawReply {
  return reply({ respData: Buffer.from(JSON.stringify(body)), contentType: 'application/json; charset=utf-8' })
}

/** A binary answer (e.g. a wxacode image), handed to the caller as `{ contentType, buffer }`. */
export function binaryReply(bytes: Buffer, contentType: string): RawReply {
  return reply({ respData: bytes, contentType })
}

/** A cloud-side refusal (e.g. -604101 no permission); the SDK throws it as `errCode`. */
export function systemErrorReply(errorCode: number): RawReply {
  return reply({ errorCode, contentType: 'application/json; charset=utf-8', respData: Buffer.from('{}') })
}

export function decodeGetOpenDataRequest(reqData: Buffer): string[] {
  try {
    const message = GetOpenDataReq.toObject(GetOpenDataReq.decode(reqData), { defaults: true }) as { cloudidList: string[] }
    return message.cloudidList
  } catch (err) {
    throw new CloudError('INVALID_PARAM', `reqData is not a valid ApiGetOpenDataByCloudIdReq: ${(err as Error).message}`)
  }
}

export function getOpenDataReply(items: { cloudId: string; json: string }[]): RawReply {
  const respData = GetOpenDataResp.encode(GetOpenDataResp.fromObject({ dataList: items })).finish()
  return reply({ svrkitErrorCode: 0, respData: Buffer.from(respData), contentType: PROTOBUF_TYPE })
}
