global using GovStaff.Policy.Decisions;
