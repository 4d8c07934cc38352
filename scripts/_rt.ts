import ts from 'typescript'
import * as path from 'path'
const cfg = ts.getParsedCommandLineOfConfigFile(path.resolve('tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!
const fns = process.argv.slice(2)
const files = fns.map((f) => path.resolve(`cloudfunctions/src/functions/${f}/index.ts`))
const prog = ts.createProgram(files, cfg.options)
const ch = prog.getTypeChecker()
for (const file of files) {
  const sf = prog.getSourceFile(file)!
  console.log('##', path.basename(path.dirname(file)))
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && n.expression.getText() === 'actionsFrom') {
      const obj = n.arguments[1] as ts.ObjectLiteralExpression
      for (const p of obj.properties) {
        if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue
        const t = ch.getTypeAtLocation(p.name)
        const run = t.getProperty('run')
        if (!run) { console.log(p.name.getText(), '??'); continue }
        const rt = ch.getTypeOfSymbolAtLocation(run, p)
        const sig = rt.getCallSignatures()[0]
        const ret = sig ? ch.getAwaitedType(sig.getReturnType()) : undefined
        console.log(' ', p.name.getText(), ':', ret ? ch.typeToString(ret, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope) : '?')
      }
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
}
