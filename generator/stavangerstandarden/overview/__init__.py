"""The municipality's overview of the schools' summaries (`stavangerstandarden kommune`).

Pipeline: `inputs` checks each school's file (a contribution or a `sammendrag.json`) and turns
it into a contribution, `combine` adds the schools together and, with `disclosure`, decides
which numbers may be shown, `writers` and `report` make `kommune.json`, `kommune.csv` and
`rapport.html`; `pipeline` joins them for any adapter, and only `command` touches files.
"""
