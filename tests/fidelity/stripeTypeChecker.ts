import path from 'node:path'

import ts from 'typescript'

/**
 * Checks JSON values against the declared types of the installed `stripe` package, read with the
 * TypeScript compiler: the SDK's types are generated from Stripe's OpenAPI spec for the API version
 * it pins, so "fits Stripe.Charge" means "is a charge as that API version describes it". No schema
 * is generated or committed; upgrading `stripe` re-targets the check by itself.
 *
 * Two readings of a value:
 * - `object`: a JSON response or event body. Every required field must be present, every field
 *   must be declared, and values must have the declared type. Enums are literal unions, read
 *   closed even where the SDK adds `OtherString` for values a later API version may add.
 * - `params`: form parameters as Stripe's server parses them (every leaf a string), checked
 *   against a `…Params` type: unknown parameters and malformed values are reported.
 */

const ROOT = path.resolve(import.meta.dirname, '../..')
const ENTRY = path.join(ROOT, 'tests/fidelity/__stripe_fidelity_targets__.ts')

/** The types the checker can name. Keys are what callers pass; values are the SDK's types. */
const TARGETS = {
  'checkout.session': 'Stripe.Checkout.Session',
  item: 'Stripe.LineItem',
  'list<item>': 'Stripe.ApiList<Stripe.LineItem>',
  'list<checkout.session>': 'Stripe.ApiList<Stripe.Checkout.Session>',
  price: 'Stripe.Price',
  product: 'Stripe.Product',
  payment_intent: 'Stripe.PaymentIntent',
  charge: 'Stripe.Charge',
  refund: 'Stripe.Refund',
  dispute: 'Stripe.Dispute',
  'radar.early_fraud_warning': 'Stripe.Radar.EarlyFraudWarning',
  event: 'Stripe.Event',
  error: '{ error: Stripe.StripeRawError }',
  SessionCreateParams: 'Stripe.Checkout.SessionCreateParams',
  SessionRetrieveParams: 'Stripe.Checkout.SessionRetrieveParams',
  SessionListLineItemsParams: 'Stripe.Checkout.SessionListLineItemsParams',
  SessionListParams: 'Stripe.Checkout.SessionListParams',
  RefundCreateParams: 'Stripe.RefundCreateParams',
  ProductCreateParams: 'Stripe.ProductCreateParams',
  PriceCreateParams: 'Stripe.PriceCreateParams',
  PriceUpdateParams: 'Stripe.PriceUpdateParams',
  PriceRetrieveParams: 'Stripe.PriceRetrieveParams',
  ProductRetrieveParams: 'Stripe.ProductRetrieveParams',
  PaymentIntentRetrieveParams: 'Stripe.PaymentIntentRetrieveParams',
  ChargeRetrieveParams: 'Stripe.ChargeRetrieveParams',
  RefundRetrieveParams: 'Stripe.RefundRetrieveParams',
  DisputeRetrieveParams: 'Stripe.DisputeRetrieveParams',
  DisputeUpdateParams: 'Stripe.DisputeUpdateParams',
  EarlyFraudWarningRetrieveParams: 'Stripe.Radar.EarlyFraudWarningRetrieveParams',
  EventRetrieveParams: 'Stripe.EventRetrieveParams',
} as const

export type StripeTarget = keyof typeof TARGETS

export type Violation = { path: string; problem: string }

type Mode = 'object' | 'params'

/** Where a check is: the field path so far, the reading, and where violations go. */
type Walk = { at: string; mode: Mode; out: Violation[] }

const ENTRY_SOURCE = `import type Stripe from 'stripe'
export interface Targets {
${Object.entries(TARGETS)
  .map(([name, type]) => `  ${JSON.stringify(name)}: ${type}`)
  .join('\n')}
}
`

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value)
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`
}

/** Loads the SDK's declarations once (a few seconds); checking afterwards is fast. */
export function createStripeTypeChecker() {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  }
  const host = ts.createCompilerHost(options)
  const { getSourceFile, fileExists, readFile } = host
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    path.resolve(fileName) === ENTRY
      ? ts.createSourceFile(fileName, ENTRY_SOURCE, languageVersion)
      : getSourceFile.call(host, fileName, languageVersion, ...rest)
  host.fileExists = (fileName) =>
    path.resolve(fileName) === ENTRY || fileExists.call(host, fileName)
  host.readFile = (fileName) =>
    path.resolve(fileName) === ENTRY ? ENTRY_SOURCE : readFile.call(host, fileName)

  const program = ts.createProgram({ rootNames: [ENTRY], options, host })
  const checker = program.getTypeChecker()
  const entry = program.getSourceFile(ENTRY)!
  const moduleSymbol = checker.getSymbolAtLocation(entry)!
  const targetsSymbol = checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'Targets')!
  const targets = checker.getDeclaredTypeOfSymbol(targetsSymbol)

  function targetType(name: StripeTarget): ts.Type {
    const property = checker.getPropertyOfType(targets, name)
    const type = property && checker.getTypeOfSymbol(property)
    if (!type || type.flags & ts.TypeFlags.Any)
      throw new Error(`The installed stripe package has no type for ${TARGETS[name]}.`)
    return type
  }

  // `Decimal = DecimalImpl & { [__brand]: 'Decimal' }`: the SDK's class for Stripe's decimal strings.
  const isDecimal = (type: ts.Type): boolean =>
    type.aliasSymbol?.name === 'Decimal' ||
    type.getSymbol()?.name === 'DecimalImpl' ||
    (type.isIntersection() && type.types.some(isDecimal))

  /** `OtherString = string & Record<never, never>`, the SDK's "any other string" enum member. */
  const isOtherString = (type: ts.Type): boolean =>
    type.aliasSymbol?.name === 'OtherString' ||
    (type.isIntersection() && type.types.some((member) => member.flags & ts.TypeFlags.String))

  function literalText(type: ts.Type): string | undefined {
    if (type.isStringLiteral()) return type.value
    if (type.isNumberLiteral()) return String(type.value)
    if (type.flags & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type)
    return undefined
  }

  /** Checks one primitive or literal type; undefined when `type` is not one. */
  function checkLeaf(
    value: unknown,
    { type, mode }: { type: ts.Type; mode: Mode },
  ): string | null | undefined {
    const flags = type.flags
    const literal = literalText(type)
    if (literal !== undefined) {
      const matches =
        mode === 'params'
          ? value === literal
          : type.isStringLiteral() || type.isNumberLiteral()
            ? value === type.value
            : value === (literal === 'true')
      return matches ? null : `expected ${literal}, got ${describe(value)}`
    }
    if (flags & ts.TypeFlags.String)
      return typeof value === 'string' ? null : `expected a string, got ${describe(value)}`
    if (flags & ts.TypeFlags.Number) {
      const ok =
        mode === 'params'
          ? typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
          : typeof value === 'number' && Number.isFinite(value)
      return ok ? null : `expected a number, got ${describe(value)}`
    }
    if (flags & ts.TypeFlags.Null) {
      // A form cannot send null; Stripe's SDK sends '' to unset (its Emptyable<T>).
      const ok = mode === 'params' ? value === '' : value === null
      return ok ? null : `expected null, got ${describe(value)}`
    }
    if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void))
      return value === undefined ? null : `expected nothing, got ${describe(value)}`
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return null
    if (flags & ts.TypeFlags.Never) return `no value is allowed here, got ${describe(value)}`
    if (isDecimal(type)) {
      // The SDK turns Stripe's decimal strings into its Decimal class; on the wire they are strings.
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
        ? null
        : `expected a decimal string, got ${describe(value)}`
    }
    return undefined
  }

  /** An object member of a union that cannot match because a literal `object` or `type` field differs. */
  function excludedByDiscriminant(value: Record<string, unknown>, member: ts.Type): boolean {
    for (const key of ['object', 'type']) {
      if (!(key in value)) continue
      const property = checker.getPropertyOfType(member, key)
      if (!property) continue
      const propertyType = checker.getTypeOfSymbol(property)
      const options = (propertyType.isUnion() ? propertyType.types : [propertyType]).map(
        literalText,
      )
      if (options.some((option) => option === undefined)) continue
      if (!options.includes(String(value[key]))) return true
    }
    return false
  }

  function checkUnion(
    value: unknown,
    { union, at, mode, out }: Walk & { union: ts.UnionType },
  ): void {
    // A present value is never the `undefined` of an optional field.
    let members = union.types.filter(
      (member) =>
        value === undefined || !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)),
    )
    // The SDK leaves its enums open (`'one_time' | 'recurring' | OtherString`) so integrations
    // expect values added later; a stand-in must only say what this version documents.
    if (members.some((member) => literalText(member) !== undefined))
      members = members.filter((member) => !isOtherString(member))
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const objectMembers = members.filter(
        (member) => member.flags & ts.TypeFlags.Object && !checker.isArrayType(member),
      )
      const remaining = objectMembers.filter(
        (member) => !excludedByDiscriminant(value as Record<string, unknown>, member),
      )
      if (objectMembers.length > 0 && remaining.length === 0) {
        out.push({
          path: at,
          problem: `no variant of ${checker.typeToString(union)} has object/type ${JSON.stringify(
            (value as Record<string, unknown>).type ?? (value as Record<string, unknown>).object,
          )}`,
        })
        return
      }
      if (objectMembers.length > 0) members = remaining
    }
    let best: Violation[] | null = null
    for (const member of members) {
      const attempt: Violation[] = []
      check(value, { type: member, at, mode, out: attempt })
      if (attempt.length === 0) return
      if (!best || attempt.length < best.length) best = attempt
    }
    // An enum (a union of literals, maybe nullable) reads better as one message than as its members'.
    const hasNull = members.some((member) => member.flags & ts.TypeFlags.Null)
    const literals = members.map(literalText).filter((text) => text !== undefined)
    if (literals.length > 0 && literals.length === members.length - (hasNull ? 1 : 0)) {
      const allowed = [
        ...literals.map((text) => JSON.stringify(text)),
        ...(hasNull ? ['null'] : []),
      ]
      out.push({ path: at, problem: `${describe(value)} is not one of ${allowed.join(', ')}` })
      return
    }
    // Between primitives, naming the union says more than the closest member's complaint.
    if (members.every((member) => !(member.flags & ts.TypeFlags.Object) || isDecimal(member))) {
      const expected = members.map((member) => checker.typeToString(member)).join(' | ')
      out.push({ path: at, problem: `expected ${expected}, got ${describe(value)}` })
      return
    }
    out.push(...(best ?? [{ path: at, problem: `${describe(value)} fits no variant` }]))
  }

  function checkObject(value: unknown, { type, at, mode, out }: Walk & { type: ts.Type }): void {
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      if (!Array.isArray(value)) {
        out.push({ path: at, problem: `expected an array, got ${describe(value)}` })
        return
      }
      const [element] = checker.getTypeArguments(type as ts.TypeReference)
      value.forEach((item, index) =>
        check(item, { type: element, at: `${at}[${index}]`, mode, out }),
      )
      return
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out.push({ path: at, problem: `expected an object, got ${describe(value)}` })
      return
    }
    const record = value as Record<string, unknown>
    const declared = new Set<string>()
    for (const property of checker.getPropertiesOfType(type)) {
      const propertyType = checker.getTypeOfSymbol(property)
      // Methods (the SDK's helpers such as lastResponse on responses) are not data.
      if (propertyType.getCallSignatures().length > 0) continue
      declared.add(property.name)
      const where = at ? `${at}.${property.name}` : property.name
      if (!(property.name in record)) {
        if (!(property.flags & ts.SymbolFlags.Optional) && mode === 'object')
          out.push({ path: where, problem: 'required field is missing' })
        continue
      }
      check(record[property.name], { type: propertyType, at: where, mode, out })
    }
    const index = checker
      .getIndexInfosOfType(type)
      .find((info) => info.keyType.flags & ts.TypeFlags.String)
    for (const key of Object.keys(record)) {
      if (declared.has(key)) continue
      const where = at ? `${at}.${key}` : key
      if (index) check(record[key], { type: index.type, at: where, mode, out })
      else
        out.push({
          path: where,
          problem: mode === 'params' ? 'unknown parameter' : 'field not declared in this version',
        })
    }
  }

  function check(value: unknown, { type, at, mode, out }: Walk & { type: ts.Type }): void {
    if (isDecimal(type)) {
      const leaf = checkLeaf(value, { type, mode })
      if (leaf) out.push({ path: at, problem: leaf })
      return
    }
    if (type.isUnion()) return checkUnion(value, { union: type, at, mode, out })
    if (type.isIntersection()) {
      // `OtherString = string & Record<never, never>`: a branded primitive is its primitive part.
      const primitive = type.types.filter((member) => !(member.flags & ts.TypeFlags.Object))
      for (const member of primitive.length > 0 ? primitive : type.types)
        check(value, { type: member, at, mode, out })
      return
    }
    const leaf = checkLeaf(value, { type, mode })
    if (leaf === null) return
    if (typeof leaf === 'string') {
      out.push({ path: at, problem: leaf })
      return
    }
    if (type.flags & ts.TypeFlags.Object) return checkObject(value, { type, at, mode, out })
    out.push({ path: at, problem: `cannot check against ${checker.typeToString(type)}` })
  }

  return {
    /** Violations of a JSON body (response, event) against the named type; [] when it fits. */
    checkObject(target: StripeTarget, value: unknown): Violation[] {
      const out: Violation[] = []
      check(value, { type: targetType(target), at: '', mode: 'object', out })
      return out
    },
    /** Violations of parsed form parameters against the named `…Params` type. */
    checkParams(target: StripeTarget, params: unknown): Violation[] {
      const out: Violation[] = []
      check(params, { type: targetType(target), at: '', mode: 'params', out })
      return out
    },
    /** The declared top-level field names of the named type. */
    propertyNames(target: StripeTarget): string[] {
      return checker.getPropertiesOfType(targetType(target)).map((property) => property.name)
    },
  }
}

export type StripeTypeChecker = ReturnType<typeof createStripeTypeChecker>
