// Page titles (decision 093): every page has one, and after a submit that failed
// (the form is shown again with its errors) it starts with "Error: ", as GOV.UK
// pages do, so a screen reader user hears it before anything else. One mechanism
// for every form: <PageMeta> in app/root.tsx renders React Router's <Meta> with
// the matched routes' meta functions wrapped to add the prefix when the page's
// action answered with errors. Routes keep plain `meta` exports.
import { useContext, useMemo } from 'react'
import { Meta, UNSAFE_DataRouterStateContext, UNSAFE_FrameworkContext, useLocation, type MetaDescriptor } from 'react-router'
import { languageFromPath } from '~/i18n/language'

export const ERROR_PREFIX = 'Error: '
/** The prefix on a Welsh page (/cy/..., decision 110). */
export const WELSH_ERROR_PREFIX = 'Gwall: '

/**
 * Whether an action's data is a failed submit, in the shapes this app's actions answer with:
 * a Conform result with errors, or a message saying what went wrong (`error`, `formError`,
 * `notice`: a refused sign-in), or a `problem` step.
 */
export function submitFailed(actionData: unknown): boolean {
  if (!actionData || typeof actionData !== 'object') return false
  const data = actionData as Record<string, unknown>
  const result = data.result as { status?: string; error?: Record<string, unknown> | null } | null | undefined
  if (result?.status === 'error') return true
  if (result?.error && Object.values(result.error).some((v) => (Array.isArray(v) ? v.length > 0 : !!v))) return true
  const said = (key: string) => typeof data[key] === 'string' && (data[key] as string).length > 0
  return said('error') || said('formError') || said('notice') || data.step === 'problem'
}

export function withErrorPrefix(descriptors: MetaDescriptor[], prefix = ERROR_PREFIX): MetaDescriptor[] {
  return descriptors.map((d) => (d && 'title' in d && !String(d.title).startsWith(prefix) ? { ...d, title: `${prefix}${String(d.title)}` } : d))
}

type RouteModules = Record<string, { meta?: unknown } | undefined>

/** React Router's <Meta>, with "Error: " before the title after a failed submit. */
export function PageMeta() {
  const framework = useContext(UNSAFE_FrameworkContext)
  const state = useContext(UNSAFE_DataRouterStateContext)
  const failed = !!state?.actionData && Object.values(state.actionData).some(submitFailed)
  const prefix = languageFromPath(useLocation().pathname) === 'cy' ? WELSH_ERROR_PREFIX : ERROR_PREFIX
  const prefixed = useMemo(() => {
    if (!failed || !framework) return undefined
    const modules = framework.routeModules as RouteModules
    const wrapped: RouteModules = {}
    for (const [id, module] of Object.entries(modules)) {
      const meta = module?.meta
      wrapped[id] =
        typeof meta === 'function'
          ? { ...module, meta: (args: unknown) => withErrorPrefix((meta as (a: unknown) => MetaDescriptor[])(args) ?? [], prefix) }
          : Array.isArray(meta)
            ? { ...module, meta: withErrorPrefix(meta as MetaDescriptor[], prefix) }
            : module
    }
    return { ...framework, routeModules: wrapped as typeof framework.routeModules }
  }, [failed, framework, prefix])
  if (!prefixed) return <Meta />
  return (
    <UNSAFE_FrameworkContext.Provider value={prefixed}>
      <Meta />
    </UNSAFE_FrameworkContext.Provider>
  )
}
