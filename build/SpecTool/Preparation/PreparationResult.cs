namespace SpecTool.Preparation;

/// <summary>What preparing a spec learned about its operations, for the operation catalog.</summary>
internal sealed record PreparationResult(
    Dictionary<string, List<InjectedFields.Field>> Injected,
    Dictionary<string, Sorting.SortType> Sorts,
    Dictionary<string, Constraints.OperationConstraints> Constraints,
    Dictionary<string, Paging.Info> Paging);
