import { areaList } from '@vant/area-data'

/**
 * Province → city → district from Vant's area data (@vant/area-data, GB/T 2260 codes: 2 digits province, 4 city, 6
 * district), for the H5 region picker. The weapp build uses WeChat's own region picker and never loads this.
 */
export interface RegionOption {
  code: string
  name: string
}

const sorted = (list: Record<string, string>, prefix: string, len: number): RegionOption[] =>
  Object.keys(list)
    .filter((code) => code.slice(0, len) === prefix)
    .sort()
    .map((code) => ({ code, name: list[code] }))

export const provinces = (): RegionOption[] => sorted(areaList.province_list, '', 0)
export const citiesOf = (provinceCode: string): RegionOption[] => sorted(areaList.city_list, provinceCode.slice(0, 2), 2)
export const districtsOf = (cityCode: string): RegionOption[] => sorted(areaList.county_list, cityCode.slice(0, 4), 4)
