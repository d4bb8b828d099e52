using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Organization;

namespace GovStaff.Sample.Host.Roster;

/// <summary>
/// One row of a district's appraisal methods (考核办法, Art. 27): the indicator set an appraising body scores its
/// directors, or its window staff and agents, on.
/// </summary>
internal sealed record AppraisalMethod(Party AppraisingBody, bool ForDirectors, IndicatorSet Set);
