import PageState, { Loading, useLoad } from '@/shared/ui/page-state'
import { classChoices } from '../api'
import ChoiceChips from './choice-chips'

/** Any free class unlocks the material: the empty choice. */
const ANY = { value: '', label: '任意一节免费课' }

/**
 * Which free class a signup rule needs, picked from the company's classes. A class the rule names that is no longer
 * in the list (removed, or older than the newest 50) stays selectable under a neutral label, never as its id.
 */
export default function ClassChoice({ value, onChange }: { value: string; onChange: (classId: string) => void }) {
  const { load, reload } = useLoad(classChoices, 'classes')
  return (
    <PageState load={load} onRetry={() => void reload()} loading={<Loading what='课程' inline />}>
      {(classes) => {
        const missing = value && !classes.some((c) => c.value === value) ? [{ value, label: '原指定的课程' }] : []
        return <ChoiceChips id='class' options={[ANY, ...missing, ...classes]} selected={[value]} onChange={([v]) => onChange(v ?? '')} />
      }}
    </PageState>
  )
}
