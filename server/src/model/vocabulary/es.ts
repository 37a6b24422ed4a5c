import type { Vocabulary } from './types';

export const es: Vocabulary = {
  language: 'es',
  rollback: ['rollback', 'reversión', 'reversion', 'revertir', 'revertimos', 'vuelta atrás', 'vuelta atras', 'marcha atrás', 'volver atrás', 'volver a la versión anterior', 'deshacer el despliegue', 'abortar'],
  criteria: ['criterio', 'criterios', 'condiciones', 'condición', 'disparadores', 'desencadenantes', 'activadores', 'cuándo', 'señales', 'escenarios', 'matriz de decisión'],
  notTriggers: ['éxito', 'exitoso', 'finalización', 'verificación', 'validación'],
  triggerTitles: ['disparadores', 'desencadenantes', 'criterios de activación'],
  triggerPhrases: ['cuándo revertir', 'cuándo hacer rollback', 'cuándo hacer un rollback'],
  usage: ['cuándo usar', 'cuándo utilizar', 'cuándo ejecutar', 'cuándo aplicar'],
  procedure: ['recuperación', 'restauración', 'restaurar', 'deshacer'],
  notProcedure: ['decisión', 'responsable*', 'historial', 'registro'],
  census: ['efectos secundarios', 'efectos colaterales', 'compensaci*', 'acciones compensatorias'],
  brief: ['resumen del release', 'resumen de la versión'],
  conditional: ['si', 'cuando'],
  negative: ['no', 'nunca', 'evitar', 'en lugar de'],
  vague: ['elevad*', 'significativ*', 'aumento', 'incremento', 'degradad*', 'degradación', 'grave*', 'sever*', 'crític*', 'alto', 'alta', 'inesperad*', 'anormal', 'aceptable', 'quejas', 'decisión', 'determinación', 'criterio del', 'problemas', 'rota', 'roto'],
  observedBy: ['monitoreo', 'monitorización', 'alerta*', 'panel', 'tablero', 'registros', 'logs', 'verificación manual', 'prueba*', 'reporte*', 'soporte'],
  dataCorruption: ['corrupción de datos', 'datos corruptos', 'datos corrompidos', 'pérdida de datos', 'datos perdidos', 'datos inconsistentes', 'inconsistencia de datos', 'integridad de datos', 'integridad de los datos'],
  preferred: ['preferido', 'preferida', 'recomendado', 'recomendada', 'principal', 'por defecto'],
  units: { seconds: ['segundos', 'segundo', 'seg'], minutes: ['minutos', 'minuto'], hours: ['horas', 'hora'], days: ['días', 'día', 'dias'] },
  columns: {
    trigger: ['disparador', 'desencadenante', 'condición', 'condicion', 'criterio', 'síntoma', 'métrica', 'cuándo', 'evento', 'alerta', 'señal'],
    observed: ['detecci', 'detectado', 'cómo se', 'monitoreo', 'monitorización', 'fuente', 'verificación'],
    budget: ['tiempo', 'plazo', 'minuto', 'límite'],
  },
};
