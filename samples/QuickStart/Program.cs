using Cchc.Scoring;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

var services = new ServiceCollection()
    .AddCchcScoring(o => o.RuleSetDirectory = "rules/ke-hoach-cchc-2023-phu-quy")
    .BuildServiceProvider();
var engine = services.GetRequiredService<IScoringEngine>(); // compiled once, thread-safe
var unit = UnitData.FromJObject(JObject.Parse(File.ReadAllText("samples/phu-quy/xa-long-hai.json")));
var card = await engine.ScoreAsync(unit);
Console.WriteLine($"{card.Unit.Name}: {card.Points}/{card.MaxPoints}, chỉ số {card.Index}, {card.Grade}");
foreach (var criterion in card.Criteria.Where(c => c.Status != CriterionStatus.NotApplicable))
    Console.WriteLine($"{criterion.Id,-7} {criterion.Points}/{criterion.MaxPoints}  {criterion.Explanation}");
