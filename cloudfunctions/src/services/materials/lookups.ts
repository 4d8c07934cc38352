/** Materials as other features ask about them (the mall checks that an unlock item names a real material). */
import { getMaterial } from './store'

/** Whether the material exists (on shelf or not): one read by `_id`. */
export async function materialExists(materialId: string): Promise<boolean> {
  return (await getMaterial(materialId)) !== null
}
