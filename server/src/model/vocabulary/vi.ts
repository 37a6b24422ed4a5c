import type { Vocabulary } from './types';

export const vi: Vocabulary = {
  language: 'vi',
  rollback: ['rollback', 'roll back', 'hoàn tác', 'quay lui', 'hoàn nguyên', 'quay về phiên bản trước', 'trở về phiên bản trước', 'khôi phục phiên bản trước'],
  criteria: ['tiêu chí', 'điều kiện', 'khi nào', 'trigger', 'dấu hiệu', 'tình huống', 'ma trận quyết định'],
  notTriggers: ['thành công', 'hoàn thành', 'xác minh'],
  triggerTitles: ['điều kiện kích hoạt', 'tiêu chí kích hoạt'],
  triggerPhrases: ['khi nào cần rollback', 'khi nào rollback', 'khi nào hoàn tác'],
  usage: ['khi nào sử dụng', 'khi nào áp dụng', 'khi nào thực hiện'],
  procedure: ['khôi phục', 'phục hồi'],
  notProcedure: ['quyết định', 'trách nhiệm', 'lịch sử', 'nhật ký'],
  census: ['tác dụng phụ', 'ảnh hưởng phụ', 'bù trừ', 'hành động bù'],
  brief: ['tóm tắt phát hành'],
  conditional: ['nếu', 'khi'],
  negative: ['không', 'đừng', 'tránh', 'thay vì'],
  vague: ['tăng cao', 'đáng kể', 'tăng', 'suy giảm', 'nghiêm trọng', 'quan trọng', 'cao', 'bất thường', 'chấp nhận được', 'khiếu nại', 'quyết định', 'vấn đề'],
  observedBy: ['giám sát', 'cảnh báo', 'bảng điều khiển', 'nhật ký', 'log', 'kiểm tra thủ công', 'kiểm thử'],
  dataCorruption: ['hỏng dữ liệu', 'dữ liệu bị hỏng', 'mất dữ liệu', 'dữ liệu không nhất quán', 'sai lệch dữ liệu', 'toàn vẹn dữ liệu'],
  preferred: ['khuyến nghị', 'ưu tiên', 'mặc định'],
  units: { seconds: ['giây'], minutes: ['phút'], hours: ['giờ', 'tiếng'], days: ['ngày'] },
  columns: {
    trigger: ['sự cố', 'điều kiện', 'tiêu chí', 'dấu hiệu', 'chỉ số', 'sự kiện', 'cảnh báo', 'khi', 'trigger'],
    observed: ['phát hiện', 'giám sát', 'nguồn', 'kiểm tra', 'cách'],
    budget: ['thời gian', 'phút', 'thời hạn'],
  },
};
