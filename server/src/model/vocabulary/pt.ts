import type { Vocabulary } from './types';

export const pt: Vocabulary = {
  language: 'pt',
  rollback: ['rollback', 'reversão', 'reversao', 'reverter', 'retorno à versão anterior', 'voltar à versão anterior', 'voltar atrás', 'desfazer o deploy', 'abortar'],
  criteria: ['critério', 'critérios', 'criterios', 'condições', 'condicoes', 'condição', 'gatilhos', 'gatilho', 'disparadores', 'quando', 'sinais', 'cenários', 'matriz de decisão'],
  notTriggers: ['sucesso', 'conclusão', 'verificação', 'validação'],
  triggerTitles: ['gatilhos', 'disparadores', 'critérios de acionamento'],
  triggerPhrases: ['quando reverter', 'quando fazer rollback', 'quando fazer o rollback', 'quando realizar rollback'],
  usage: ['quando usar', 'quando utilizar', 'quando executar', 'quando aplicar', 'quando acionar'],
  procedure: ['recuperação', 'restauração', 'restaurar', 'desfazer'],
  notProcedure: ['decisão', 'responsáve*', 'histórico', 'registro'],
  census: ['efeitos colaterais', 'efeitos secundários', 'compensa*', 'ações compensatórias'],
  brief: ['resumo do release', 'resumo da versão'],
  conditional: ['se', 'quando', 'caso'],
  negative: ['não', 'nunca', 'evitar', 'em vez de'],
  vague: ['elevad*', 'significativ*', 'aumento', 'degradad*', 'degradação', 'grave*', 'sever*', 'crític*', 'alto', 'alta', 'inesperad*', 'anormal', 'aceitável', 'reclamações', 'decisão', 'problemas', 'quebrad*'],
  observedBy: ['monitoramento', 'alerta*', 'painel', 'logs', 'verificação manual', 'teste*', 'suporte', 'chamados'],
  dataCorruption: ['corrupção de dados', 'dados corrompidos', 'perda de dados', 'dados perdidos', 'dados inconsistentes', 'inconsistência de dados', 'integridade dos dados', 'integridade de dados'],
  preferred: ['preferido', 'preferida', 'recomendado', 'recomendada', 'principal', 'padrão'],
  units: { seconds: ['segundos', 'segundo'], minutes: ['minutos', 'minuto'], hours: ['horas', 'hora'], days: ['dias', 'dia'] },
  columns: {
    trigger: ['gatilho', 'condição', 'condicao', 'critério', 'sintoma', 'métrica', 'quando', 'evento', 'alerta', 'sinal'],
    observed: ['detec', 'como ', 'monitora', 'fonte', 'verifica'],
    budget: ['tempo', 'prazo', 'minuto', 'limite'],
  },
};
