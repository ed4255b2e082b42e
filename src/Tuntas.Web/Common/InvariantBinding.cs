using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tuntas.Domain.Common;

namespace Tuntas.Web.Common;

/// <summary>
/// Marks a whole-rupiah field (a <c>long</c>): besides plain digits it accepts what people type,
/// <c>1.250.000</c> or <c>Rp1.250.000</c> (<see cref="Rupiah.TryParse"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class RupiahAttribute : Attribute;

/// <summary>
/// The one rule for numbers and dates in forms and query strings: they are read the same way whatever
/// the language of the page. ASP.NET reads them in the request culture, and under Bahasa Indonesia a
/// dot groups thousands, so the <c>0.138600</c> a browser sends for a GPS position became 138600.
/// Numbers are digits with an optional sign and a dot (or a lone comma) before the decimals; dates are
/// <c>YYYY-MM-DD</c>, as date inputs send them; rupiah fields (<see cref="RupiahAttribute"/>) also take
/// <c>1.250.000</c> and <c>Rp1.250.000</c>. What cannot be read gets words in the page's language and
/// stays in the model state, so the form shows it again as it was typed.
/// </summary>
public sealed class InvariantValueBinderProvider : IModelBinderProvider
{
    private static readonly Dictionary<Type, ValueKind> Kinds = new()
    {
        [typeof(int)] = ValueKind.Whole,
        [typeof(long)] = ValueKind.Whole,
        [typeof(short)] = ValueKind.Whole,
        [typeof(double)] = ValueKind.Decimal,
        [typeof(float)] = ValueKind.Decimal,
        [typeof(decimal)] = ValueKind.Decimal,
        [typeof(DateOnly)] = ValueKind.Date,
        [typeof(DateTime)] = ValueKind.Date,
    };

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = context.BindingInfo.BindingSource;
        if (source is not null && source != BindingSource.ModelBinding && source != BindingSource.Form
            && source != BindingSource.Query && source != BindingSource.Path)
        {
            // Bodies, headers and services have binders of their own.
            return null;
        }

        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (!Kinds.TryGetValue(type, out var kind))
        {
            return null;
        }

        if (kind == ValueKind.Whole && type == typeof(long) && context.Metadata is DefaultModelMetadata metadata
            && (metadata.Attributes.PropertyAttributes ?? metadata.Attributes.ParameterAttributes ?? []).OfType<RupiahAttribute>().Any())
        {
            kind = ValueKind.Rupiah;
        }

        return new InvariantValueBinder(type, kind, context.Services.GetRequiredService<IStringLocalizer<SharedResource>>());
    }

    internal enum ValueKind
    {
        Whole,
        Decimal,
        Rupiah,
        Date,
    }
}

/// <summary>Reads one number or date the culture-independent way (<see cref="InvariantValueBinderProvider"/>).</summary>
internal sealed class InvariantValueBinder(Type type, InvariantValueBinderProvider.ValueKind kind, IStringLocalizer<SharedResource> text) : IModelBinder
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"];

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        // Kept as typed: the form shows it again when it cannot be read.
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
        var typed = values.FirstValue?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, text["BindValueMissing"]);
            }

            return Task.CompletedTask;
        }

        if (Read(typed) is { } value)
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, text[kind switch
            {
                InvariantValueBinderProvider.ValueKind.Whole => "BindWholeNumberInvalid",
                InvariantValueBinderProvider.ValueKind.Decimal => "BindDecimalInvalid",
                InvariantValueBinderProvider.ValueKind.Rupiah => "BindRupiahInvalid",
                _ => "BindDateInvalid",
            }, typed]);
        }

        return Task.CompletedTask;
    }

    /// <summary>The value of <paramref name="typed"/>, or null when it is not one.</summary>
    internal object? Read(string typed)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case InvariantValueBinderProvider.ValueKind.Rupiah:
                return Rupiah.TryParse(typed, out var rupiah) ? rupiah : null;
            case InvariantValueBinderProvider.ValueKind.Whole:
                if (!long.TryParse(typed, NumberStyles.AllowLeadingSign, invariant, out var whole))
                {
                    return null;
                }

                return type == typeof(int) ? (whole is >= int.MinValue and <= int.MaxValue ? (int)whole : null)
                    : type == typeof(short) ? (whole is >= short.MinValue and <= short.MaxValue ? (short)whole : null)
                    : whole;
            case InvariantValueBinderProvider.ValueKind.Decimal:
                // A lone comma is a decimal comma (0,5 is typed on an Indonesian keyboard); a dot always
                // is one. Thousands are never grouped in these fields, so neither is ambiguous.
                var number = typed.Contains(',', StringComparison.Ordinal) && !typed.Contains('.', StringComparison.Ordinal)
                    && typed.Count(c => c == ',') == 1 ? typed.Replace(',', '.') : typed;
                const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
                if (type == typeof(decimal))
                {
                    return decimal.TryParse(number, style, invariant, out var m) ? m : null;
                }

                if (!double.TryParse(number, style, invariant, out var d) || !double.IsFinite(d))
                {
                    return null;
                }

                return type == typeof(float) ? (float.IsFinite((float)d) ? (float)d : null) : d;
            default:
                if (type == typeof(DateOnly))
                {
                    return DateText.TryParse(typed, out var day) ? day : null;
                }

                return DateTime.TryParseExact(typed, DateTimeFormats, invariant, DateTimeStyles.None, out var moment) ? moment : null;
        }
    }
}

/// <summary>
/// Registers the binder once for every page, ahead of ASP.NET's culture-dependent ones, and gives the
/// remaining binders' messages (a choice that is not on the list, a missing value) words in the page's language.
/// </summary>
public sealed class InvariantBindingSetup(IStringLocalizer<SharedResource> text) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ModelBinderProviders.Insert(0, new InvariantValueBinderProvider());

        // Each message is looked up when it is needed, so it follows the language of that request.
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustNotBeNullAccessor(_ => text["BindValueMissing"]);
        messages.SetMissingBindRequiredValueAccessor(_ => text["BindValueMissing"]);
        messages.SetMissingKeyOrValueAccessor(() => text["BindValueMissing"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["BindValueMissing"]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["BindValueInvalid", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["BindValueInvalid", value]);
        messages.SetValueIsInvalidAccessor(value => text["BindValueInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => text["BindValueUnreadable"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["BindValueUnreadable"]);
        messages.SetValueMustBeANumberAccessor(_ => text["BindValueUnreadable"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["BindValueUnreadable"]);
    }
}

/// <summary>What a page says when a form value could not be read.</summary>
public static class BindingProblems
{
    /// <summary>The first value that could not be read, in words (null when all were read).</summary>
    public static string? FirstProblem(this ModelStateDictionary state) =>
        state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => !string.IsNullOrEmpty(m));

    /// <summary>"Some values could not be read" and which one, for the page's alert.</summary>
    public static string Words(this ModelStateDictionary state, IStringLocalizer<SharedResource> text) =>
        state.FirstProblem() is { } problem ? $"{text["FormValuesInvalid"]} {problem}" : text["FormValuesInvalid"];
}
