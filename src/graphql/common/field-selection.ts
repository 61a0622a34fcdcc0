/** Whether a query selects a field of what a resolver returns, so a resolver reads only what will be asked of it. */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selectsIn(selectionSet: SelectionSetNode | undefined, field: string, info: GraphQLResolveInfo): boolean {
  if (!selectionSet) return false;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === field;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsIn(selection.selectionSet, field, info);
    return selectsIn(info.fragments[selection.name.value]?.selectionSet, field, info);
  });
}

/**
 * Whether `field` is selected on the value of the field being resolved (directly or through
 * fragments; for a list, on its items). A field under `@skip` or `@include` counts as selected.
 */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) => selectsIn(node.selectionSet, field, info));
}
