// A typedoc plugin: function signatures name the model types (`Claim[]`,
// `Dataset`, `ControlMap`) instead of spelling out their fields.
//
// The model types are zod schemas' inferred types (`type Claim =
// z.infer<typeof Claim>`). TypeScript does not keep the alias name on an
// inferred object type, so typedoc, converting a signature from its
// checker type, writes the object literal out in full, on every function
// that takes or returns one. After conversion (when typedoc-plugin-zod has
// turned each alias into the object type it stands for), this plugin
// replaces every object type in a signature whose fields are exactly those
// of an exported model type with a link to that type. Matching by the set
// of field names is exact for this project: where two share it (`Dataset`, `DatasetInput`) the shorter name is
// the model, and
// the check in scripts/check-site.mjs fails when a function page still
// spells out a model.
import { Converter, ReflectionKind, ReferenceType } from 'typedoc';

/** The identity of an object type: its sorted field names. */
const keyOf = (declaration) => (declaration.children ?? []).map((c) => c.name).sort().join('\u0000');

export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    const models = new Map();
    for (const alias of project.getReflectionsByKind(ReflectionKind.TypeAlias | ReflectionKind.Interface)) {
      const declaration = alias.kindOf(ReflectionKind.Interface) ? alias : alias.type?.type === 'reflection' ? alias.type.declaration : undefined;
      if (declaration === undefined || (declaration.children?.length ?? 0) < 3) continue;
      const key = keyOf(declaration);
      // `Dataset` and `DatasetInput` (z.input) share their fields: the shorter name is the model.
      const other = models.get(key);
      if (other === undefined || alias.name.length < other.name.length) models.set(key, alias);
    }
    let replaced = 0;
    /** The type with every model object literal inside it replaced by a reference. */
    const rename = (type, owner) => {
      if (type === undefined || type === null) return type;
      switch (type.type) {
        case 'reflection': {
          const model = models.get(keyOf(type.declaration));
          if (model && model !== owner && type.declaration.children?.length) {
            project.removeReflection(type.declaration);
            replaced += 1;
            return ReferenceType.createResolvedReference(model.name, model, project);
          }
          for (const child of type.declaration.children ?? []) child.type = rename(child.type, owner);
          for (const signature of type.declaration.signatures ?? []) renameSignature(signature, owner);
          return type;
        }
        case 'array':
          type.elementType = rename(type.elementType, owner);
          return type;
        case 'union':
        case 'intersection':
          type.types = type.types.map((t) => rename(t, owner));
          return type;
        case 'typeOperator':
          type.target = rename(type.target, owner);
          return type;
        case 'reference':
          if (type.typeArguments) type.typeArguments = type.typeArguments.map((t) => rename(t, owner));
          return type;
        case 'tuple':
          type.elements = type.elements.map((t) => rename(t, owner));
          return type;
        case 'optional':
        case 'rest':
          type.elementType = rename(type.elementType, owner);
          return type;
        default:
          return type;
      }
    };
    const renameSignature = (signature, owner) => {
      for (const parameter of signature.typeParameters ?? []) {
        parameter.type = rename(parameter.type, owner);
        parameter.default = rename(parameter.default, owner);
      }
      for (const parameter of signature.parameters ?? []) parameter.type = rename(parameter.type, owner);
      signature.type = rename(signature.type, owner);
    };
    for (const reflection of project.getReflectionsByKind(ReflectionKind.Function | ReflectionKind.Method | ReflectionKind.Property | ReflectionKind.Variable)) {
      for (const signature of reflection.signatures ?? []) renameSignature(signature, undefined);
      if (reflection.kindOf(ReflectionKind.Property)) reflection.type = rename(reflection.type, reflection.parent);
    }
    app.logger.verbose(`typedoc-model-names: ${replaced} spelled-out model types replaced by links`);
  }, 0);
}
