import { callCloud } from '@/shared/cloud'
import type { HelloResult } from '@cloud/contracts/sample'

export const sayHello = () => callCloud<HelloResult>('sample', 'hello')
