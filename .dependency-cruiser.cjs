// Layering (docs/architecture.md, decision 073): lib ← outbox ← domains ← routes, with zero exceptions.
// `npm test` runs this before anything else; a forbidden import fails the run.
const DOMAINS = '^app/(petition|letters|admin|retention|mps|calls|campaign|constituencies|updates|map|share|embed|briefings)/'
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Import cycles (type-only ones too) make load order and layering unreadable.', from: {}, to: { circular: true } },
    { name: 'outbox-is-transport-only', severity: 'error', comment: 'The mail transport knows no domain: the templates are passed in.', from: { path: '^app/mail/' }, to: { path: DOMAINS } },
    { name: 'lib-imports-no-domain', severity: 'error', comment: 'app/lib is what every domain may use; it depends on none.', from: { path: '^app/lib/' }, to: { path: `${DOMAINS}|^app/mail/|^app/emails/` } },
    { name: 'domains-import-no-routes', severity: 'error', comment: 'Routes call domains, never the reverse.', from: { path: `${DOMAINS}|^app/(mail|emails|lib|jobs)/` }, to: { path: '^app/routes/' } },
    { name: 'app-imports-no-e2e', severity: 'error', comment: 'e2e may use app/testing; the app never imports e2e.', from: { path: '^(app|server)/' }, to: { path: '^e2e/' } },
  ],
  options: {
    includeOnly: '^(app|server|scripts|e2e)/',
    exclude: { path: '^app/generated/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true, // type-only imports count too
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    doNotFollow: { path: 'node_modules' },
  },
}
