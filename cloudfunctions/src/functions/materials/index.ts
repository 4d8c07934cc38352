import { MaterialsRequest } from '../../contracts/materials'
import type { MaterialsResults } from '../../contracts/results'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction, type ActionContext } from '../../shared/handler'
import { adminGet, adminList, createMaterial, setShelf, updateMaterial } from '../../services/materials/admin'
import { listCatalog, materialDetail } from '../../services/materials/catalog'
import { openFile } from '../../services/materials/open'
import { unlockMaterial } from '../../services/materials/unlock'

const ADMIN = ['admin'] as const
/** Any member, but the handler loads roles because staff may preview locked or off-shelf materials. */
const ANYONE_STAFF_AWARE = ['member', 'admin'] as const
const viewer = (ctx: ActionContext) => ({ memberId: ctx.who.openid, staff: ctx.roles.has('admin') })

export const main = defineFunction(
  actionsFrom<typeof MaterialsRequest, MaterialsResults>(MaterialsRequest, {
    list: { run: async ({ subject, grade, cursor, limit }) => listCatalog({ subject, grade, cursor, limit }) },
    detail: { roles: ANYONE_STAFF_AWARE, run: async ({ materialId }, ctx) => materialDetail(materialId, viewer(ctx), now()) },
    unlock: { run: async ({ materialId }, { who }) => unlockMaterial(materialId, who.openid, now()) },
    open: { roles: ANYONE_STAFF_AWARE, run: async ({ materialId, fileIndex }, ctx) => openFile(materialId, fileIndex, viewer(ctx), now()) },
    adminList: { roles: ADMIN, run: async ({ cursor, limit }) => adminList(cursor, limit) },
    adminGet: { roles: ADMIN, run: async ({ materialId }) => adminGet(materialId) },
    create: { roles: ADMIN, run: async ({ material, requestId }, { who }) => createMaterial(material, requestId, who.openid, now()) },
    update: { roles: ADMIN, run: async ({ materialId, patch }) => updateMaterial(materialId, patch, now()) },
    setShelf: { roles: ADMIN, run: async ({ materialId, onShelf }) => setShelf(materialId, onShelf, now()) },
  }),
)
