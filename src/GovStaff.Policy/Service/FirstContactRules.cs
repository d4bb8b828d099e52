using System.Text.RegularExpressions;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>
/// First-contact responsibility (首问负责制度, Art. 12(3)): the first staff member who receives a person owns the
/// request. Outside their remit they must give the reason and tell the person the competent department and its phone
/// number; no passing the buck. Village agents are bound too (Art. 13).
/// </summary>
public sealed partial class FirstContactRules
{
    private static readonly Citation FirstContact = new(12, 3);

    private readonly PolicyEngine _engine;

    /// <summary>Creates the rules.</summary>
    public FirstContactRules(PolicyEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    [GeneratedRegex(@"^[0-9][0-9\-]{4,19}$")]
    private static partial Regex PhoneNumber();

    /// <summary>
    /// Receives an inquiry (Art. 12(3), 首问负责): the staff member who takes it is its first contact, responsible for
    /// answering it or, outside the remit, for referring it (<see cref="Refer"/>).
    /// </summary>
    public Decision Receive(Inquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        return _engine.Evaluate("inquiry.receive", inquiry.Subject, inquiry.ReceivedOn, inquiry, static (_, i) =>
            [new Finding("art12-3.first-contact", Severity.Satisfied, FirstContact,
                new LocalizedText($"{i.FirstContact}为首问责任人：{i.Topic}。", $"{i.FirstContact} is the first contact: {i.Topic}."), i.Subject)]);
    }

    /// <summary>
    /// Refers an inquiry outside the remit: only the first contact may, and only naming the reason, the competent
    /// department and its phone number.
    /// </summary>
    public Decision Refer(Inquiry inquiry, StaffId by, string? reason, string? department, string? phone, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        return _engine.Evaluate("inquiry.refer", inquiry.Subject, on, _ =>
        {
            var findings = new List<Finding>();
            findings.Add(by == inquiry.FirstContact
                ? new Finding("art12-3.first-contact", Severity.Satisfied, FirstContact, new LocalizedText($"{by}为首问责任人。", $"{by} is the first contact."), inquiry.Subject)
                : new Finding("art12-3.not-first-contact", Severity.Violation, FirstContact,
                    new LocalizedText($"首问责任人是{inquiry.FirstContact}，{by}不得代为推转。", $"The first contact is {inquiry.FirstContact}; {by} may not pass the request on."), inquiry.Subject));
            if (string.IsNullOrWhiteSpace(reason))
            {
                findings.Add(Missing("reason", "说明理由", "give the reason"));
            }

            if (string.IsNullOrWhiteSpace(department))
            {
                findings.Add(Missing("department", "告知具体承办部门", "name the competent department"));
            }

            if (string.IsNullOrWhiteSpace(phone) || !PhoneNumber().IsMatch(phone.Trim()))
            {
                findings.Add(Missing("phone", "告知承办部门联系电话", "give the department's phone number"));
            }

            if (findings.Count == 1 && findings[0].Severity == Severity.Satisfied)
            {
                findings.Add(new Finding("art12-3.referred", Severity.Satisfied, FirstContact,
                    new LocalizedText($"已说明理由并告知承办部门{department}及电话{phone}。", $"Reason given; referred to {department}, phone {phone}."), inquiry.Subject));
            }

            return findings;

            Finding Missing(string what, string zh, string en) =>
                new($"art12-3.referral-without-{what}", Severity.Violation, FirstContact,
                    new LocalizedText($"不属于职责范围的，应当{zh}，不得推诿。", $"Outside the remit the first contact must {en}; no passing the buck."), inquiry.Subject);
        });
    }
}
