using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vigie.Web.Features.Accueil.Facilities;

/// <summary>The facility form, as strings so that whatever was typed comes back on an error.</summary>
public sealed class FacilityInput
{
    /// <summary>Rows of managers offered by the form; empty rows are ignored.</summary>
    public const int ManagerRows = 3;

    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Capacity { get; set; }

    public bool IsOutside { get; set; }

    public string? Departement { get; set; }

    public List<ManagerInput> Managers { get; set; } = [];

    public static FacilityInput Of(Facility facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        return new FacilityInput
        {
            Name = facility.Name,
            Type = facility.Type.ToString(),
            Address = facility.Address,
            Phone = facility.Phone,
            Capacity = facility.Capacity?.ToString(CultureInfo.InvariantCulture),
            IsOutside = facility.IsOutside,
            Departement = facility.Departement,
            Managers = facility.Managers.OrderBy(m => m.Position)
                .Select(m => new ManagerInput { Name = m.Name, Function = m.Function, Phone = m.Phone, Email = m.Email }).ToList(),
        }.WithBlankRows();
    }

    /// <summary>Pads the managers with blank rows for the form (at least <see cref="ManagerRows"/>, and always one free row).</summary>
    public FacilityInput WithBlankRows()
    {
        var target = Math.Max(ManagerRows, Managers.Count + 1);
        while (Managers.Count < target)
        {
            Managers.Add(new ManagerInput());
        }

        return this;
    }

    /// <summary>The details and managers when everything is valid; otherwise null, with French errors in <paramref name="state"/>.</summary>
    public (FacilityDetails Details, List<FacilityManager> Managers)? Validate(ModelStateDictionary state, string prefix)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ok = true;
        void Error(string field, string message)
        {
            state.AddModelError($"{prefix}.{field}", message);
            ok = false;
        }

        var name = Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            Error(nameof(Name), "Indiquez le nom du lieu d'accueil.");
        }
        else if (name.Length > Facility.NameMaxLength)
        {
            Error(nameof(Name), $"Le nom fait {Facility.NameMaxLength} caractères au plus.");
        }

        FacilityType type = default;
        if (string.IsNullOrWhiteSpace(Type))
        {
            Error(nameof(Type), "Choisissez le type de lieu.");
        }
        else if (!Enum.TryParse(Type, out type) || !Enum.IsDefined(type) || int.TryParse(Type, out _))
        {
            Error(nameof(Type), "Ce type de lieu n'existe pas : choisissez-en un dans la liste.");
        }

        if (Address?.Trim().Length > Facility.AddressMaxLength)
        {
            Error(nameof(Address), $"L'adresse fait {Facility.AddressMaxLength} caractères au plus.");
        }

        if (Phone?.Trim().Length > Facility.PhoneMaxLength)
        {
            Error(nameof(Phone), $"Le téléphone fait {Facility.PhoneMaxLength} caractères au plus.");
        }

        int? capacity = null;
        if (!string.IsNullOrWhiteSpace(Capacity))
        {
            if (int.TryParse(Capacity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var places) && places <= Facility.MaxCapacity)
            {
                capacity = places;
            }
            else
            {
                Error(nameof(Capacity), $"Le nombre de places est un nombre entier de 0 à {Facility.MaxCapacity} (laissez vide s'il n'est pas connu).");
            }
        }

        var departement = Departement?.Trim();
        if (IsOutside && string.IsNullOrEmpty(departement))
        {
            Error(nameof(Departement), "Indiquez le département partenaire (nom ou numéro) d'un lieu hors département.");
        }
        else if (departement?.Length > Facility.DepartementMaxLength)
        {
            Error(nameof(Departement), $"Le département fait {Facility.DepartementMaxLength} caractères au plus.");
        }

        var managers = new List<FacilityManager>();
        for (var i = 0; i < Managers.Count; i++)
        {
            var m = Managers[i];
            if (m.IsBlank)
            {
                continue;
            }

            var row = $"Managers[{i}]";
            var label = $"Responsable {i + 1}";
            if (string.IsNullOrWhiteSpace(m.Name))
            {
                Error($"{row}.Name", $"{label} : indiquez son nom (ou videz la ligne).");
            }

            foreach (var (value, field, what) in new[] { (m.Name, "Name", "le nom"), (m.Function, "Function", "la fonction"), (m.Email, "Email", "l'e-mail") })
            {
                if (value?.Trim().Length > FacilityManager.FieldMaxLength)
                {
                    Error($"{row}.{field}", $"{label} : {what} fait {FacilityManager.FieldMaxLength} caractères au plus.");
                }
            }

            if (m.Phone?.Trim().Length > Facility.PhoneMaxLength)
            {
                Error($"{row}.Phone", $"{label} : le téléphone fait {Facility.PhoneMaxLength} caractères au plus.");
            }

            if (!string.IsNullOrWhiteSpace(m.Email) && !new EmailAddressAttribute().IsValid(m.Email.Trim()))
            {
                Error($"{row}.Email", $"{label} : l'adresse e-mail « {m.Email.Trim()} » n'est pas valide.");
            }

            managers.Add(new FacilityManager
            {
                Name = m.Name?.Trim() ?? string.Empty,
                Function = Clean(m.Function),
                Phone = Clean(m.Phone),
                Email = Clean(m.Email),
            });
        }

        return ok ? (new FacilityDetails(name, type, Address, Phone, capacity, IsOutside, departement), managers) : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ManagerInput
{
    public string? Name { get; set; }

    public string? Function { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Function) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
}
