/**
 * What the worker tells the page about the graphs a run built, for the graph view: plain data
 * (ids, labels, value texts), never the program's objects, so it crosses the port as a copy and
 * the page treats every string in it as text from the program.
 */

/** A variable of the graph: its label, shape, dtype, value and gradient as numpy prints them. */
export interface GraphVariableNode {
  kind: 'variable';
  id: string;
  /** The variable's `name`, else the program's name for it (`x`), else ''. */
  label: string;
  /** numpy's shape tuple, e.g. `(2, 3)`; '' when the variable is empty. */
  shape: string;
  dtype: string;
  /** The value, cut short for the drawing. */
  value: string;
  /** The value as `print` shows it (numpy summarises large arrays). */
  valueFull: string;
  /** The gradient as it was when the program ended, cut short; null when there is none. */
  grad: string | null;
  gradFull: string | null;
  /** True when the function that made it is not drawn (the graph was capped there). */
  cut: boolean;
}

/** A function of the graph: its class name and generation (null when the program's class has none). */
export interface GraphFunctionNode {
  kind: 'function';
  id: string;
  name: string;
  generation: number | null;
}

export type GraphNode = GraphVariableNode | GraphFunctionNode;

/** A function as a backward step names it: `id` is null when it is not drawn. */
export interface StepFunction {
  id: string | null;
  name: string;
  generation: number | null;
}

/** The gradient one step wrote to one input. */
export interface StepGradient {
  /** The input's node id, or null when it is not drawn. */
  id: string | null;
  label: string;
  value: string;
  valueFull: string;
}

/** One function's turn in a recorded backward pass. */
export interface BackwardStep {
  /** The function taken from the queue. */
  fn: StepFunction;
  /** The functions still waiting after it was taken, in the order they come out (first ones only). */
  waiting: StepFunction[];
  /** How many were waiting in all. */
  waitingCount: number;
  /** What its backward wrote to each of its inputs' `grad`. */
  gradients: StepGradient[];
}

/** A recorded backward pass from a graph's output. */
export interface BackwardRecording {
  steps: BackwardStep[];
  /** True when the pass had more steps than were kept. */
  cut: boolean;
  /**
   * 'core': dezero's own backward reported its queue. 'program': the program's own classes ran
   * their backward again after the run, and the waiting list is the functions reached and not yet run.
   */
  source: 'core' | 'program';
}

/** The graph that produced one variable the program printed, called backward() on, or left at the top level. */
export interface GraphDescription {
  /** How the list names it: the output's label, e.g. `y`. */
  title: string;
  /** The output variable's node id. */
  root: string;
  nodes: GraphNode[];
  /** [from, to] node ids: input -> function, function -> output. */
  edges: Array<[string, string]>;
  /** Functions drawn, and in the whole graph (counted up to a limit; `totalExact` false past it). */
  drawnFunctions: number;
  totalFunctions: number;
  totalExact: boolean;
  /** True when some variable holds a gradient: a backward pass ran. */
  hasGradients: boolean;
  /** The last backward pass from this output, when the run recorded one. */
  backward: BackwardRecording | null;
}

/** Everything a run sends for the graph view, with the run's end. */
export interface GraphReport {
  graphs: GraphDescription[];
  /** True when the run recorded its backward passes (the reader asked for it). */
  recorded: boolean;
}
